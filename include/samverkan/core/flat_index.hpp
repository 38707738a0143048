// Private to the corpus: the ordered multi-index its look-ups use.
#pragma once

#include <samverkan/core/enum.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <set>
#include <utility>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

namespace detail {

/// (key, value) pairs ordered by key then value, duplicates allowed, built in
/// one pass and kept right by single inserts and erases.
///
/// A bulk build (assign) sorts one flat array: no node per entry, and the
/// compares run over contiguous memory. Later inserts go to a small ordered
/// set, erases of array entries only mark them; both are folded into a new
/// array once they outgrow a fraction of it, so a run of single adds costs
/// amortised O(log n) each and the array stays the bulk of the index.
/// Const member functions change nothing, so the index may be read from
/// several threads at once.
template <class K, class V>
class flat_index {
 public:
  using entry = std::pair<K, V>;

  /// Replaces the contents with `entries`, in any order.
  void assign(std::vector<entry> entries) {
    std::sort(entries.begin(), entries.end());
    base_ = std::move(entries);
    dead_.assign(base_.size(), false);
    dead_count_ = 0;
    delta_.clear();
  }

  void insert(K key, V value) {
    delta_.emplace(std::move(key), std::move(value));
    maybe_compact();
  }
  /// Same as insert, for code written against std::multimap.
  void emplace(K key, V value) { insert(std::move(key), std::move(value)); }

  /// Removes one (key, value) entry; false when there is none.
  bool erase(const K& key, const V& value) {
    const entry wanted(key, value);
    if (auto it = delta_.find(wanted); it != delta_.end()) {
      delta_.erase(it);
      return true;
    }
    for (auto it = std::lower_bound(base_.begin(), base_.end(), wanted); it != base_.end() && *it == wanted; ++it) {
      const auto i = static_cast<std::size_t>(it - base_.begin());
      if (dead_[i]) continue;
      dead_[i] = true;
      ++dead_count_;
      maybe_compact();
      return true;
    }
    return false;
  }

  /// Number of entries under the key.
  std::size_t count(const K& key) const {
    std::size_t n = 0;
    for_each(key, [&n](const V&) { ++n; });
    return n;
  }
  bool contains(const K& key) const {
    const auto [first, last] = base_range(key);
    for (auto it = first; it != last; ++it)
      if (!dead_[index_of(it)]) return true;
    return delta_.find(key) != delta_.end();
  }

  /// The smallest value under the key, or nullopt.
  std::optional<V> first(const K& key) const {
    std::optional<V> found;
    for_each(key, [&found](const V& v) {
      if (!found || v < *found) found = v;
    });
    return found;
  }

  /// Calls f(value) for every entry under the key: array entries first, then
  /// recent ones, each part in value order.
  template <class F>
  void for_each(const K& key, F&& f) const {
    const auto [first, last] = base_range(key);
    for (auto it = first; it != last; ++it)
      if (!dead_[index_of(it)]) f(it->second);
    const auto [dfirst, dlast] = delta_.equal_range(key);
    for (auto it = dfirst; it != dlast; ++it) f(it->second);
  }

  /// Calls f(key, value) for every entry whose key lies in [*low, *high];
  /// a null bound is open. Not in overall order across the two parts.
  template <class F>
  void for_each_between(const K* low, const K* high, F&& f) const {
    auto first = low ? std::lower_bound(base_.begin(), base_.end(), *low, key_less{}) : base_.begin();
    auto last = high ? std::upper_bound(base_.begin(), base_.end(), *high, key_less{}) : base_.end();
    for (auto it = first; it < last; ++it)
      if (!dead_[index_of(it)]) f(it->first, it->second);
    auto dfirst = low ? delta_.lower_bound(*low) : delta_.begin();
    auto dlast = high ? delta_.upper_bound(*high) : delta_.end();
    for (auto it = dfirst; it != dlast; ++it) f(it->first, it->second);
  }

  std::size_t size() const noexcept { return base_.size() - dead_count_ + delta_.size(); }

  friend bool operator==(const flat_index& a, const flat_index& b) { return a.entries() == b.entries(); }

 private:
  // Orders entries by key alone, for look-ups by key.
  struct key_less {
    using is_transparent = void;
    bool operator()(const entry& a, const entry& b) const { return a < b; }
    bool operator()(const entry& a, const K& k) const { return a.first < k; }
    bool operator()(const K& k, const entry& a) const { return k < a.first; }
  };

  std::size_t index_of(typename std::vector<entry>::const_iterator it) const {
    return static_cast<std::size_t>(it - base_.begin());
  }

  auto base_range(const K& key) const { return std::equal_range(base_.begin(), base_.end(), key, key_less{}); }

  std::vector<entry> entries() const {
    std::vector<entry> all;
    all.reserve(size());
    for (std::size_t i = 0; i < base_.size(); ++i)
      if (!dead_[i]) all.push_back(base_[i]);
    std::vector<entry> merged;
    merged.reserve(all.size() + delta_.size());
    std::merge(all.begin(), all.end(), delta_.begin(), delta_.end(), std::back_inserter(merged));
    return merged;
  }

  // Folding costs O(n); waiting until the changes reach half the array makes
  // that O(1) per change over a run of changes.
  void maybe_compact() {
    if (delta_.size() + dead_count_ <= std::max<std::size_t>(256, base_.size() / 2)) return;
    std::vector<entry> merged;
    merged.reserve(size());
    auto d = delta_.begin();
    for (std::size_t i = 0; i < base_.size(); ++i) {
      if (dead_[i]) continue;
      while (d != delta_.end() && *d < base_[i]) merged.push_back(std::move(delta_.extract(d++).value()));
      merged.push_back(std::move(base_[i]));
    }
    while (d != delta_.end()) merged.push_back(std::move(delta_.extract(d++).value()));
    base_ = std::move(merged);
    dead_.assign(base_.size(), false);
    dead_count_ = 0;
    delta_.clear();
  }

  std::vector<entry> base_;
  std::vector<bool> dead_;
  std::size_t dead_count_ = 0;
  std::multiset<entry, key_less> delta_;
};

}  // namespace detail

SAMVERKAN_END_NAMESPACE
