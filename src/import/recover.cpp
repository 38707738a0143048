// Table recovery: see recover.hpp.
#include "recover.hpp"

#include "scan.hpp"
#include "vocabulary.hpp"

#include <samverkan/core/text.hpp>

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_set>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

namespace {

constexpr std::string_view given_names_text =
#include "given_names.inc"
    ;

const std::unordered_set<std::string_view>& given_names() {
  static const std::unordered_set<std::string_view> set = [] {
    std::unordered_set<std::string_view> out;
    std::size_t start = 0;
    while (start < given_names_text.size()) {
      std::size_t end = given_names_text.find('\n', start);
      if (end == std::string_view::npos) end = given_names_text.size();
      std::string_view name = trim(given_names_text.substr(start, end - start));
      if (!name.empty() && name.front() != '#') out.insert(name);
      start = end + 1;
    }
    return out;
  }();
  return set;
}

// Words that end an organisation's name: "Uppsala kommun", "Akademiska
// sjukhuset", "Göteborgs Stad", "Nordic Care Partners", "Atea AB".
bool ends_organisation(std::string_view word) {
  const std::string low = lower(strip_punct(word));
  for (std::string_view w :
       {"kommun", "kommune", "kommuner", "kommunförbund", "kommunalförbund", "förbund", "förbundet", "sjukhus",
        "sjukhuset", "lasarett", "lasarettet", "universitet", "universitetet", "högskola", "högskolan", "stad",
        "ab", "group", "partners", "consulting", "konsult", "konsulter", "kb", "hb", "ek.för.", "län",
        "länsstyrelse", "regionförbund", "samordningsförbund", "vårdcentral", "hälsocentral", "primärvård",
        "försäkringskassan", "arbetsförmedlingen", "socialstyrelsen", "inspektionen", "myndigheten"})
    if (low == w) return true;
  return false;
}

bool starts_organisation(std::string_view word) {
  return word == "Region" || word == "Landstinget" || word == "Regionförbundet";
}

// An ordinary capitalised word of a name: letters and hyphens, a capital first.
bool name_word(std::string_view w) {
  if (w.empty() || !starts_upper(w)) return false;
  for (char c : w)
    if (c == ',' || c == '(' || c == ')' || c == ':' || c == ';' || is_digit(c)) return false;
  return !all_caps(w) || w.size() <= 1;
}

}  // namespace

bool is_given_name(std::string_view word) { return given_names().count(word) != 0; }

std::vector<std::string> split_at_marks(std::string_view run) {
  std::vector<std::string> out;
  std::size_t start = 0;
  std::size_t marks = 0;
  std::size_t i = 0;
  while (i < run.size()) {
    if (run[i] != '(') {
      ++i;
      continue;
    }
    const std::size_t close = run.find(')', i);
    if (close == std::string_view::npos) break;
    const std::string_view inside = trim(run.substr(i + 1, close - i - 1));
    // Item numbers ("5", "5, 7", "p. 4") or a party ("S", "KD") delimit.
    bool mark = !party_mark(inside).empty();
    if (!mark && !inside.empty()) {
      bool numbers = false;
      bool other = false;
      for (char c : inside) {
        if (is_digit(c)) numbers = true;
        else if (!(c == ',' || c == ' ' || c == '-' || c == '.' || c == 'p' || c == '&' || (c >= 'a' && c <= 'h')))
          other = true;
      }
      mark = numbers && !other;
    }
    std::size_t next = close + 1;
    while (next < run.size() && run[next] == ' ') ++next;
    if (mark && next < run.size() && starts_upper(run.substr(next))) {
      out.emplace_back(trim(run.substr(start, close + 1 - start)));
      start = next;
      ++marks;
    }
    i = close + 1;
  }
  if (marks == 0) return {};
  out.emplace_back(strip_punct(trim(run.substr(start))));
  if (out.back().empty()) out.pop_back();
  return out;
}

std::vector<std::string> split_organisations(std::string_view run) {
  const auto ws = words(run);
  std::vector<std::string> out;
  std::string current;
  bool region_open = false;  // "Region Uppsala": takes one more name word
  bool joined = false;       // the last entry ended with a comma: the next joins it
  auto close = [&]() {
    if (current.empty()) return;
    if (joined && !out.empty()) out.back() += ", " + current;
    else out.push_back(current);
    joined = false;
    current.clear();
    region_open = false;
  };
  for (std::size_t k = 0; k < ws.size(); ++k) {
    std::string_view w = ws[k];
    const bool comma = w.size() > 1 && w.back() == ',';
    if (comma) w.remove_suffix(1);
    const std::string_view next = k + 1 < ws.size() ? ws[k + 1] : std::string_view();
    if (starts_organisation(w)) {
      close();
      current = std::string(w);
      region_open = true;
      if (comma) return {};
      continue;
    }
    if (region_open) {
      // "Region Uppsala Uppsala kommun": a name word followed by the end of
      // another organisation's name starts that one.
      if (current.find(' ') != std::string::npos && (ends_organisation(next) || !starts_upper(w))) {
        if (!starts_upper(w)) {
          // "Region Jönköpings län": a lower-case word continues the region.
          current += ' ';
          current += w;
          if (comma || ends_organisation(w)) {
            close();
            joined = comma;
          }
          continue;
        }
        close();
      } else {
        current += ' ';
        current += w;
        if (comma) {
          out.push_back(current);
          current.clear();
          region_open = false;
          joined = true;
        }
        continue;
      }
    }
    if (!current.empty()) current += ' ';
    current += w;
    if (ends_organisation(w) && !(k + 1 < ws.size() && !starts_upper(next) && ends_organisation(next))) {
      const bool more = comma;
      close();
      joined = more;
      continue;
    }
    if (comma) return {};
  }
  if (!current.empty()) close();
  for (const auto& o : out)
    if (!starts_upper(o) || !looks_like_organisation(o)) return {};
  return out;
}

std::vector<std::string> split_names(std::string_view run, std::size_t count) {
  if (count == 0 || count > 200) return {};
  // Chunks: runs of name words, each with what a comma adds after it.
  struct Chunk {
    std::vector<std::string_view> names;
    std::string note;
  };
  std::vector<Chunk> chunks;
  const auto ws = words(run);
  bool in_note = false;
  bool boundary = false;  // a "|" the caller put where a name surely ends
  for (std::size_t k = 0; k < ws.size(); ++k) {
    std::string_view w = ws[k];
    if (w == "|") {
      in_note = false;
      boundary = true;
      continue;
    }
    const bool comma = w.size() > 1 && w.back() == ',';
    if (comma) w.remove_suffix(1);
    if (!in_note && name_word(w)) {
      if (chunks.empty() || !chunks.back().note.empty() || boundary) chunks.emplace_back();
      boundary = false;
      chunks.back().names.push_back(w);
      if (comma) in_note = true;
      continue;
    }
    if (chunks.empty()) return {};
    if (!in_note && !comma) return {};  // a lower-case word without a comma before it: prose
    // The note goes on in lower case ("vice ordförande") until a name word.
    if (in_note && name_word(w) && !chunks.back().note.empty()) {
      chunks.emplace_back();
      chunks.back().names.push_back(w);
      in_note = comma;
      continue;
    }
    if (!chunks.back().note.empty()) chunks.back().note += ' ';
    chunks.back().note += w;
    in_note = true;
  }
  // Each chunk of c words holds n names of 2..4 words; the last name of a
  // chunk carries its note. Cost per name: words beyond two, a first word
  // that is no given name, a given name last.
  const auto name_cost = [](const std::vector<std::string_view>& w, std::size_t a, std::size_t b) {
    int cost = static_cast<int>(b - a - 2) * 2;
    if (!is_given_name(w[a])) cost += 3;
    if (is_given_name(w[b - 1]) && b - a > 1) cost += 1;
    return cost;
  };
  constexpr int inf = std::numeric_limits<int>::max() / 4;
  // best[i][n]: the cheapest cut of chunk i's words into n names, and the cut.
  struct Cut {
    int cost = inf;
    std::vector<std::size_t> ends;
  };
  std::vector<std::vector<Cut>> per_chunk;
  for (const auto& ch : chunks) {
    const std::size_t c = ch.names.size();
    if (c < 2) return {};
    // dp[j][m]: first j words as m names.
    std::vector<std::vector<int>> dp(c + 1, std::vector<int>(c / 2 + 2, inf));
    std::vector<std::vector<std::size_t>> from(c + 1, std::vector<std::size_t>(c / 2 + 2, 0));
    dp[0][0] = 0;
    for (std::size_t j = 2; j <= c; ++j)
      for (std::size_t m = 1; m <= c / 2; ++m)
        for (std::size_t len = 2; len <= 4 && len <= j; ++len) {
          const int before = dp[j - len][m - 1];
          if (before >= inf) continue;
          const int cost = before + name_cost(ch.names, j - len, j);
          if (cost < dp[j][m]) {
            dp[j][m] = cost;
            from[j][m] = j - len;
          }
        }
    std::vector<Cut> cuts(c / 2 + 1);
    for (std::size_t m = 1; m <= c / 2; ++m) {
      if (dp[c][m] >= inf) continue;
      cuts[m].cost = dp[c][m];
      std::size_t j = c;
      for (std::size_t mm = m; mm > 0; --mm) {
        cuts[m].ends.push_back(j);
        j = from[j][mm];
      }
      std::reverse(cuts[m].ends.begin(), cuts[m].ends.end());
    }
    per_chunk.push_back(std::move(cuts));
  }
  // Choose a number of names per chunk summing to count, cheapest in all.
  const std::size_t k = chunks.size();
  std::vector<std::vector<int>> total(k + 1, std::vector<int>(count + 1, inf));
  std::vector<std::vector<std::size_t>> pick(k + 1, std::vector<std::size_t>(count + 1, 0));
  total[0][0] = 0;
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t have = 0; have <= count; ++have) {
      if (total[i][have] >= inf) continue;
      for (std::size_t m = 1; m < per_chunk[i].size() && have + m <= count; ++m) {
        if (per_chunk[i][m].cost >= inf) continue;
        const int cost = total[i][have] + per_chunk[i][m].cost;
        if (cost < total[i + 1][have + m]) {
          total[i + 1][have + m] = cost;
          pick[i + 1][have + m] = m;
        }
      }
    }
  if (total[k][count] >= inf) return {};
  std::vector<std::size_t> names_in(k);
  for (std::size_t i = k, have = count; i > 0; --i) {
    names_in[i - 1] = pick[i][have];
    have -= pick[i][have];
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < k; ++i) {
    const auto& ends = per_chunk[i][names_in[i]].ends;
    std::size_t a = 0;
    for (std::size_t e = 0; e < ends.size(); ++e) {
      std::string name;
      for (std::size_t w = a; w < ends[e]; ++w) name += (name.empty() ? "" : " ") + std::string(chunks[i].names[w]);
      if (e + 1 == ends.size() && !chunks[i].note.empty()) name += ", " + chunks[i].note;
      out.push_back(std::move(name));
      a = ends[e];
    }
  }
  return out;
}

// "Maria Sten (S) Jelena Kovač Rolf Axén (V)": a name run with party marks
// after some names. The marks are cut out (each ends a name), the run is
// split, and each name gets its mark back.
std::vector<std::string> split_names_marked(std::string_view run, std::size_t count) {
  std::string plain;
  std::vector<std::pair<std::string, std::string>> marked;  // name words before a mark, the mark
  std::size_t i = 0;
  std::size_t from = 0;
  while (i < run.size()) {
    if (run[i] != '(') {
      ++i;
      continue;
    }
    const std::size_t close = run.find(')', i);
    if (close == std::string_view::npos) break;
    const std::string_view inside = trim(run.substr(i + 1, close - i - 1));
    if (party_mark(inside).empty()) {
      i = close + 1;
      continue;
    }
    plain += std::string(trim(run.substr(from, i - from)));
    plain += " | ";
    marked.emplace_back(plain, std::string(inside));
    from = close + 1;
    i = close + 1;
  }
  if (marked.empty()) return {};
  plain += std::string(trim(run.substr(from)));
  auto names = split_names(plain, count);
  for (auto& n : names) {
    // The mark goes to the name that ended right before it.
    for (const auto& [before, mark] : marked) {
      std::string_view b = trim(before);
      if (b.ends_with("|")) b = trim(b.substr(0, b.size() - 1));
      if (b.size() >= n.size() && b.substr(b.size() - n.size()) == n) {
        n += " (" + mark + ")";
        break;
      }
    }
  }
  return names;
}

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
