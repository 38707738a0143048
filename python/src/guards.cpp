// The corpus locks and the callback depth guard of guards.hpp.
#include "guards.hpp"

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#if defined(__linux__)
#include <pthread.h>
#endif

namespace samverkan_py {

namespace {

// ---- corpus locks ----

struct corpus_state {
  std::size_t readers = 0;
  bool writer = false;
  std::size_t waiting_writers = 0;
};

struct lock_table {
  std::mutex mutex;
  std::condition_variable changed;
  std::unordered_map<const Corpus*, corpus_state> states;
};

// Leaked on purpose: a lock may be let go during interpreter shutdown, after
// static destructors would have run. Replaced in a child after fork(): only
// the forking thread lives on there, and it held no corpus lock (it was
// running Python), so every entry is stale.
lock_table* table_instance = nullptr;

lock_table& table() {
  static const bool registered = [] {
    table_instance = new lock_table;
#if defined(__linux__)
    pthread_atfork(nullptr, nullptr, [] { table_instance = new lock_table; });
#endif
    return true;
  }();
  (void)registered;
  return *table_instance;
}

// Two uses of one corpus (c.merge(c)) become one, the stronger.
std::size_t normalise(std::initializer_list<corpus_use> in, corpus_use* out, std::size_t max) {
  std::size_t count = 0;
  for (const corpus_use& use : in) {
    bool merged = false;
    for (std::size_t i = 0; i < count; ++i)
      if (out[i].corpus == use.corpus) {
        if (use.mode == access::write) out[i].mode = access::write;
        merged = true;
      }
    if (merged) continue;
    if (count == max) throw std::logic_error("corpus_lock: too many corpora");
    out[count++] = use;
  }
  return count;
}

void grant(lock_table& t, const corpus_use& use) {
  corpus_state& s = t.states[use.corpus];
  if (use.mode == access::write)
    s.writer = true;
  else
    ++s.readers;
}

void forget_if_idle(lock_table& t, const Corpus* corpus) {
  const auto found = t.states.find(corpus);
  if (found != t.states.end() && found->second.readers == 0 && !found->second.writer &&
      found->second.waiting_writers == 0)
    t.states.erase(found);
}

// A request that writes waits only for the locks actually held (so that two
// waiting merges, a.merge(b) and b.merge(a), cannot wait for each other); one
// that only reads also lets waiting writers go first.
bool all_grantable(lock_table& t, const corpus_use* uses, std::size_t count, bool queued_writer) {
  for (std::size_t i = 0; i < count; ++i) {
    const auto found = t.states.find(uses[i].corpus);
    if (found == t.states.end()) continue;
    const corpus_state& s = found->second;
    if (s.writer) return false;
    if (uses[i].mode == access::write ? s.readers != 0 : (!queued_writer && s.waiting_writers != 0)) return false;
  }
  return true;
}

// ---- callback depth ----

thread_local int callback_depth = 0;

#if defined(__linux__)
// The lowest usable address of this thread's stack (stacks grow down), or 0
// when it cannot be told. Asked once per thread: for the main thread glibc
// reads /proc/self/maps.
std::uintptr_t stack_low_end() {
  thread_local const std::uintptr_t low = [] {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return std::uintptr_t{0};
    void* address = nullptr;
    std::size_t size = 0;
    const int rc = pthread_attr_getstack(&attr, &address, &size);
    pthread_attr_destroy(&attr);
    return rc == 0 ? reinterpret_cast<std::uintptr_t>(address) : std::uintptr_t{0};
  }();
  return low;
}
#endif

bool stack_nearly_full() {
#if defined(__linux__)
  const std::uintptr_t low = stack_low_end();
  if (low == 0) return false;
  const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
  return here < low + min_stack_headroom;
#else
  return false;
#endif
}

}  // namespace

corpus_lock::corpus_lock(std::initializer_list<corpus_use> uses) {
  count_ = normalise(uses, uses_, max_uses);
  lock_table& t = table();
  std::unique_lock<std::mutex> guard(t.mutex);
  if (!all_grantable(t, uses_, count_, false)) {
    // A writer queues, so that new readers wait behind it.
    bool writes = false;
    for (std::size_t i = 0; i < count_; ++i)
      if (uses_[i].mode == access::write) {
        writes = true;
        ++t.states[uses_[i].corpus].waiting_writers;
      }
    t.changed.wait(guard, [&] { return all_grantable(t, uses_, count_, writes); });
    for (std::size_t i = 0; i < count_; ++i)
      if (uses_[i].mode == access::write) --t.states[uses_[i].corpus].waiting_writers;
  }
  for (std::size_t i = 0; i < count_; ++i) grant(t, uses_[i]);
}

std::optional<corpus_lock> corpus_lock::try_acquire(std::initializer_list<corpus_use> uses) {
  corpus_lock lock;
  lock.count_ = normalise(uses, lock.uses_, max_uses);
  lock_table& t = table();
  std::lock_guard<std::mutex> guard(t.mutex);
  if (!all_grantable(t, lock.uses_, lock.count_, false)) {
    lock.count_ = 0;  // nothing to let go
    return std::nullopt;
  }
  for (std::size_t i = 0; i < lock.count_; ++i) grant(t, lock.uses_[i]);
  return std::optional<corpus_lock>(std::move(lock));
}

corpus_lock::corpus_lock(corpus_lock&& other) noexcept : count_(other.count_) {
  for (std::size_t i = 0; i < count_; ++i) uses_[i] = other.uses_[i];
  other.count_ = 0;
}

corpus_lock::~corpus_lock() {
  if (count_ == 0) return;
  lock_table& t = table();
  {
    std::lock_guard<std::mutex> guard(t.mutex);
    for (std::size_t i = 0; i < count_; ++i) {
      corpus_state& s = t.states[uses_[i].corpus];
      if (uses_[i].mode == access::write)
        s.writer = false;
      else
        --s.readers;
      forget_if_idle(t, uses_[i].corpus);
    }
  }
  t.changed.notify_all();
}

callback_guard::callback_guard() {
  if (callback_depth >= max_callback_depth)
    throw callback_recursion_error("samverkan: Python functions called from C++ (criteria, formulas) are nested " +
                                   std::to_string(max_callback_depth) +
                                   " deep, as when a criterion runs the programme again; the nesting is refused "
                                   "before it overflows the C stack");
  if (stack_nearly_full())
    throw callback_recursion_error(
        "samverkan: too little of the thread's stack is left to call a Python function from C++ (criteria, "
        "formulas nested too deep)");
  ++callback_depth;
}

callback_guard::~callback_guard() { --callback_depth; }

}  // namespace samverkan_py
