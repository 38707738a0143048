// The process-wide table of id texts behind Id<Kind> (docs/ids.md).
//
// Reading a text (Id::str, inline in ids.hpp) takes no lock: texts are written
// into chunks that never move, and a chunk's pointer is published before any
// handle into it is handed out. Interning takes a shared lock to look a text
// up and the exclusive lock only to add one, so loads on several threads that
// meet the same ids mostly share the lock.
#include <samverkan/core/ids.hpp>

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <unordered_map>

SAMVERKAN_BEGIN_NAMESPACE
namespace detail {

// Constant-initialised, so ids made during another file's static
// initialisation find the table ready.
constinit std::atomic<const std::string*> id_chunks[id_chunk_count]{};

const std::string& empty_id_text() noexcept {
  static const std::string empty;
  return empty;
}

namespace {

struct Table {
  std::shared_mutex mutex;
  // Keys view the texts in the chunks, which never move.
  std::unordered_map<std::string_view, std::uint32_t> handles;
  std::uint32_t next = 1;  // 0 is the empty text and is never stored
  std::string* chunks[id_chunk_count] = {};

  Table() {
    handles.reserve(4096);
    handles.emplace(std::string_view(), 0);
  }

  // Called with the exclusive lock held.
  std::uint32_t add(std::string_view text) {
    if (next == UINT32_MAX) throw std::length_error("samverkan: the id table is full (2^32 - 1 distinct ids)");
    const std::uint32_t handle = next;
    const std::uint32_t scaled = handle / id_chunk_base + 1;
    const auto k = static_cast<unsigned>(std::bit_width(scaled) - 1);
    const std::uint32_t first = id_chunk_base * ((std::uint32_t{1} << k) - 1);
    if (chunks[k] == nullptr) {
      chunks[k] = new std::string[std::size_t{id_chunk_base} << k];
      id_chunks[k].store(chunks[k], std::memory_order_release);
    }
    std::string& slot = chunks[k][handle - first];
    slot.assign(text);
    handles.emplace(std::string_view(slot), handle);
    ++next;
    return handle;
  }
};

// Never destroyed: ids may be read while other static objects are torn down
// (at exit, or when the Python interpreter finalises), and the texts are the
// process's for its whole life anyway.
Table& table() {
  static Table* instance = new Table();
  return *instance;
}

}  // namespace

std::uint32_t intern_id(std::string_view text) {
  if (text.empty()) return 0;
  Table& t = table();
  {
    std::shared_lock lock(t.mutex);
    if (auto it = t.handles.find(text); it != t.handles.end()) return it->second;
  }
  std::unique_lock lock(t.mutex);
  if (auto it = t.handles.find(text); it != t.handles.end()) return it->second;
  return t.add(text);
}

std::size_t interned_id_count() noexcept {
  Table& t = table();
  std::shared_lock lock(t.mutex);
  return t.next;
}

}  // namespace detail
SAMVERKAN_END_NAMESPACE
