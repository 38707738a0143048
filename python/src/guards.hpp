// What keeps Python code from breaking the C++ underneath it: corpora shared
// between threads, Python callbacks nested through C++ without end. Internal
// to the bindings; included by bindings.hpp.
#pragma once

#include <samverkan/corpus.hpp>

#include <pybind11/pybind11.h>

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <utility>

namespace samverkan_py {

namespace py = pybind11;
using samverkan::Corpus;

// ---------------------------------------------------------------------------
// Corpora shared between threads
// ---------------------------------------------------------------------------
//
// Calls that release the GIL (to_json, save, validate, merge, pickling, the
// frames, the reports, the importer) go on reading or changing a corpus while
// other Python threads run. Every access to a corpus from Python therefore
// holds a reader/writer lock on it for the C++ part of the call: readers
// share it, a writer (add, update, remove_*, resolve_or_add_*, merge, the
// importer) has it alone, and a waiting writer goes before new readers. So
// concurrent use is safe: a call waits for the calls that conflict with it,
// it never sees a corpus half changed.
//
// The locks live in a side table keyed by the C++ object's address, with an
// entry only while some thread holds or waits for that corpus (a Python
// object is alive throughout a call on it, so the address cannot be reused
// meanwhile). No deadlock with the GIL is possible: a thread never waits
// for a corpus lock while it holds the GIL (it releases the GIL first), and
// it never runs Python code, nor waits for the GIL, while it holds a corpus
// lock (the locked part of every call is C++ alone; arguments are converted
// before it, results after it). Several corpora (merge) are taken all at
// once or not at all.

enum class access { read, write };

struct corpus_use {
  const Corpus* corpus;
  access mode;
};

class corpus_lock {
 public:
  // Waits until every use is granted; call it without the GIL.
  explicit corpus_lock(std::initializer_list<corpus_use> uses);
  // Takes the uses if that needs no waiting, else gives nothing back. Safe
  // with the GIL held.
  static std::optional<corpus_lock> try_acquire(std::initializer_list<corpus_use> uses);

  corpus_lock(corpus_lock&& other) noexcept;
  corpus_lock& operator=(corpus_lock&&) = delete;
  corpus_lock(const corpus_lock&) = delete;
  corpus_lock& operator=(const corpus_lock&) = delete;
  ~corpus_lock();

 private:
  corpus_lock() = default;
  static constexpr std::size_t max_uses = 2;
  corpus_use uses_[max_uses]{};
  std::size_t count_ = 0;
};

// Runs f, which must not touch Python, with the corpora locked. Short calls:
// when nothing conflicts f runs at once, holding the GIL; otherwise the GIL
// is released while waiting and while f runs.
template <class F>
decltype(auto) with_corpora(std::initializer_list<corpus_use> uses, F&& f) {
  if (auto lock = corpus_lock::try_acquire(uses)) return std::forward<F>(f)();
  py::gil_scoped_release release;
  corpus_lock lock(uses);
  return std::forward<F>(f)();
}

// Long calls: f always runs without the GIL. The lock is let go before the
// GIL is taken back.
template <class F>
decltype(auto) with_corpora_released(std::initializer_list<corpus_use> uses, F&& f) {
  py::gil_scoped_release release;
  corpus_lock lock(uses);
  return std::forward<F>(f)();
}

template <class F>
decltype(auto) reading(const Corpus& corpus, F&& f) {
  return with_corpora({{&corpus, access::read}}, std::forward<F>(f));
}
template <class F>
decltype(auto) writing(const Corpus& corpus, F&& f) {
  return with_corpora({{&corpus, access::write}}, std::forward<F>(f));
}
template <class F>
decltype(auto) reading_released(const Corpus& corpus, F&& f) {
  return with_corpora_released({{&corpus, access::read}}, std::forward<F>(f));
}
template <class F>
decltype(auto) writing_released(const Corpus& corpus, F&& f) {
  return with_corpora_released({{&corpus, access::write}}, std::forward<F>(f));
}

// ---------------------------------------------------------------------------
// Python callbacks nested through C++
// ---------------------------------------------------------------------------
//
// A Python function given to C++ (a Criterion's test, a WeightedFormula's
// weight) may call back into C++ that calls it again: a criterion that runs
// the programme. Python's recursion limit does not see the C++ frames in
// between, so with a raised sys.setrecursionlimit such a loop would overflow
// the C stack. Every call of such a function counts its nesting on the
// thread and raises RecursionError beyond max_callback_depth, or when less
// than min_stack_headroom bytes of the thread's stack are left (threads with
// small stacks).

// A criterion that runs its programme again costs ~3 KB of stack per level
// in a release build and ~21 KB under AddressSanitizer, so 100 levels stay
// within a quarter of the usual 8 MB stack even there (Python's own default
// limit would let ~500 levels through). 256 KB is many levels' worth.
inline constexpr int max_callback_depth = 100;
inline constexpr std::size_t min_stack_headroom = 256 * 1024;

// Raised by callback_guard; module.cpp's translator makes it RecursionError.
struct callback_recursion_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class callback_guard {
 public:
  callback_guard();
  ~callback_guard();
  callback_guard(const callback_guard&) = delete;
  callback_guard& operator=(const callback_guard&) = delete;
};

// The function pybind11 made from a Python callable, with every call counted.
template <class R, class... A>
std::function<R(A...)> guarded(std::function<R(A...)> f) {
  if (!f) return f;
  return [f = std::move(f)](A... args) -> R {
    const callback_guard guard;
    return f(std::forward<A>(args)...);
  };
}

}  // namespace samverkan_py
