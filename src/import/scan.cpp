#include "scan.hpp"

#include <samverkan/core/text.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A byte that belongs to a word: ASCII letters and digits, '-', and every
// byte of a multi-byte UTF-8 sequence (Swedish letters are two bytes).
bool is_word_byte(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

bool boundary_before(std::string_view s, std::size_t at) noexcept { return at == 0 || !is_word_byte(s[at - 1]); }
bool boundary_after(std::string_view s, std::size_t at) noexcept { return at >= s.size() || !is_word_byte(s[at]); }

std::size_t skip_spaces(std::string_view s, std::size_t i) noexcept {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// Reads up to `max` digits at i; returns the count read. `value` saturates
// at 999 999 999: callers want small numbers (days, years, digit groups) and
// only need to know that a long run of digits is large.
std::size_t read_digits(std::string_view s, std::size_t i, std::size_t max, int& value) noexcept {
  std::size_t n = 0;
  value = 0;
  while (i + n < s.size() && n < max && is_digit(s[i + n])) {
    if (value < 100'000'000) value = value * 10 + (s[i + n] - '0');
    else value = 999'999'999;
    ++n;
  }
  return n;
}

struct MonthName {
  std::string_view name;
  unsigned month;
};
// Full names first so that "mars" is not read as "mar" + "s".
constexpr std::array<MonthName, 37> month_names{{
    {"januari", 1},  {"februari", 2}, {"mars", 3},      {"april", 4},    {"maj", 5},      {"juni", 6},
    {"juli", 7},     {"augusti", 8},  {"september", 9}, {"oktober", 10}, {"november", 11}, {"december", 12},
    {"sept.", 9},    {"sept", 9},     {"jan.", 1},      {"jan", 1},      {"feb.", 2},     {"feb", 2},
    {"mar.", 3},     {"apr.", 4},     {"apr", 4},       {"aug.", 8},     {"aug", 8},      {"sep.", 9},
    {"sep", 9},      {"okt.", 10},    {"okt", 10},      {"nov.", 11},    {"nov", 11},     {"dec.", 12},
    {"dec", 12},     {"jun.", 6},     {"jun", 6},       {"jul.", 7},     {"jul", 7},      {"mar", 3},
    {"febr.", 2},
}};

// Month name at i (lowered text); returns its length, 0 if none.
std::size_t read_month(std::string_view s, std::size_t i, unsigned& month) noexcept {
  for (const auto& m : month_names) {
    if (s.substr(i, m.name.size()) != m.name) continue;
    const std::size_t end = i + m.name.size();
    if (m.name.back() != '.' && !boundary_after(s, end)) continue;
    month = m.month;
    return m.name.size();
  }
  return 0;
}

std::optional<Date> make(int year, int month, int day) noexcept {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const Date d{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
               std::chrono::day{static_cast<unsigned>(day)}};
  if (!d.ok()) return std::nullopt;
  return d;
}

// A four-digit year at i that is not part of a longer number.
std::optional<int> read_year(std::string_view s, std::size_t i, std::size_t& length) noexcept {
  int year = 0;
  const std::size_t n = read_digits(s, i, 5, year);
  if (n != 4 || !boundary_after(s, i + n)) return std::nullopt;
  length = n;
  return year;
}

}  // namespace

std::string lower(std::string_view text) {
  std::string out(text);
  lower_in_place(out.data(), out.size());
  return out;
}

void lower_in_place(char* out, std::size_t size) noexcept {
  for (std::size_t i = 0; i < size; ++i) {
    const auto u = static_cast<unsigned char>(out[i]);
    if (u >= 'A' && u <= 'Z') {
      out[i] = static_cast<char>(u + 32);
    } else if (u == 0xC3 && i + 1 < size) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      // U+00C0..U+00DE are capitals, except U+00D7 (multiplication sign).
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    i = skip_spaces(text, i);
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

bool starts_upper(std::string_view w) noexcept {
  if (w.empty()) return false;
  const auto u = static_cast<unsigned char>(w[0]);
  if (u >= 'A' && u <= 'Z') return true;
  if (u == 0xC3 && w.size() > 1) {
    const auto n = static_cast<unsigned char>(w[1]);
    return n >= 0x80 && n <= 0x9E && n != 0x97;
  }
  return false;
}

bool starts_lower(std::string_view w) noexcept {
  if (w.empty()) return false;
  const auto u = static_cast<unsigned char>(w[0]);
  if (u >= 'a' && u <= 'z') return true;
  if (u == 0xC3 && w.size() > 1) {
    const auto n = static_cast<unsigned char>(w[1]);
    return n >= 0x9F && n <= 0xBF;
  }
  return false;
}

bool all_caps(std::string_view w) noexcept {
  int letters = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto u = static_cast<unsigned char>(w[i]);
    if (u >= 'A' && u <= 'Z') {
      ++letters;
    } else if (u >= 'a' && u <= 'z') {
      return false;
    } else if (u == 0xC3 && i + 1 < w.size()) {
      const auto n = static_cast<unsigned char>(w[++i]);
      if (n >= 0x9F) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

bool starts_with_word(std::string_view lowered, std::string_view prefix) noexcept {
  return lowered.substr(0, prefix.size()) == prefix && boundary_after(lowered, prefix.size());
}

std::size_t find_word(std::string_view lowered, std::string_view word, std::size_t from) noexcept {
  while (from <= lowered.size()) {
    const std::size_t at = lowered.find(word, from);
    if (at == npos) return npos;
    if (boundary_before(lowered, at) && boundary_after(lowered, at + word.size())) return at;
    from = at + 1;
  }
  return npos;
}

std::string_view strip_punct(std::string_view text) noexcept {
  text = trim(text);
  while (!text.empty() && (text.back() == ',' || text.back() == '.' || text.back() == ';' || text.back() == ':' ||
                           text.back() == '-' || is_space(text.back())))
    text.remove_suffix(1);
  while (!text.empty() && (text.front() == ',' || text.front() == ';' || text.front() == ':' ||
                           text.front() == '-' || is_space(text.front())))
    text.remove_prefix(1);
  return text;
}

// ---- dates ----

std::vector<FoundDate> find_dates(std::string_view text, std::optional<int> year) {
  // Every date starts with a digit, and most lines have none: no copy then.
  if (std::find_if(text.begin(), text.end(), is_digit) == text.end()) return {};
  return find_dates_lowered(lower(text), year);
}

std::vector<FoundDate> find_dates_lowered(std::string_view s, std::optional<int> year) {
  if (std::find_if(s.begin(), s.end(), is_digit) == s.end()) return {};
  std::vector<FoundDate> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i]) || !boundary_before(s, i)) {
      ++i;
      continue;
    }
    int a = 0;
    const std::size_t na = read_digits(s, i, 5, a);
    std::size_t j = i + na;
    // ISO 2024-10-28 (also 2024-1-5).
    if (na == 4 && j + 1 < s.size() && s[j] == '-' && is_digit(s[j + 1])) {
      int m = 0, d = 0;
      const std::size_t nm = read_digits(s, j + 1, 2, m);
      const std::size_t k = j + 1 + nm;
      if (nm && k + 1 < s.size() && s[k] == '-' && is_digit(s[k + 1])) {
        const std::size_t nd = read_digits(s, k + 1, 2, d);
        if (boundary_after(s, k + 1 + nd)) {
          if (auto date = make(a, m, d)) out.push_back({*date, i, k + 1 + nd});
          i = k + 1 + nd;
          continue;
        }
      }
      i = j;
      continue;
    }
    if (na > 2) {
      i = j;
      continue;
    }
    // 28.10.2024, 28/10 2024, 25/11
    if (j + 1 < s.size() && (s[j] == '.' || s[j] == '/') && is_digit(s[j + 1])) {
      const char sep = s[j];
      int m = 0;
      const std::size_t nm = read_digits(s, j + 1, 3, m);
      std::size_t k = j + 1 + nm;
      if (nm <= 2) {
        std::optional<int> y;
        std::size_t end = k;
        std::size_t ylen = 0;
        if (k + 1 < s.size() && (s[k] == sep || (sep == '/' && s[k] == ' ')) && is_digit(s[k + 1])) {
          if (auto yy = read_year(s, k + 1, ylen)) {
            y = yy;
            end = k + 1 + ylen;
          }
        }
        // "09.00" is a time, and "1.2" a section number: a dotted date needs its year.
        const bool inferred = !y;
        if (!y && sep == '/' && boundary_after(s, k) && !(k < s.size() && s[k] == '/')) y = year;
        if (y) {
          if (auto date = make(*y, m, a)) out.push_back({*date, i, end, inferred});
          i = end;
          continue;
        }
      }
      i = k;
      continue;
    }
    // 10 mars 2022, 27 september, 15:e oktober, "24 och 25 mars", "24-25 mars"
    std::vector<std::pair<int, std::size_t>> days{{a, i}};
    std::size_t k = j;
    if (k + 1 < s.size() && s[k] == ':' && s[k + 1] == 'e') k += 2;  // "15:e"
    for (;;) {
      std::size_t m = skip_spaces(s, k);
      std::size_t joiner = 0;
      if (s.substr(m, 3) == "och" && boundary_after(s, m + 3)) joiner = 3;
      else if (m < s.size() && (s[m] == '-' || s[m] == ',')) joiner = 1;
      else if (s.substr(m, 3) == "\xE2\x80\x93") joiner = 3;  // en dash
      if (!joiner) break;
      const std::size_t n = skip_spaces(s, m + joiner);
      int d2 = 0;
      const std::size_t nd = read_digits(s, n, 3, d2);
      if (nd == 0 || nd > 2 || !boundary_after(s, n + nd)) break;
      days.push_back({d2, n});
      k = n + nd;
    }
    std::size_t m = skip_spaces(s, k);
    unsigned month = 0;
    const std::size_t mlen = read_month(s, m, month);
    if (mlen == 0 || m == k) {
      i = j;
      continue;
    }
    std::size_t end = m + mlen;
    std::optional<int> y;
    const std::size_t ys = skip_spaces(s, end);
    std::size_t ylen = 0;
    if (auto yy = read_year(s, ys, ylen)) {
      y = yy;
      end = ys + ylen;
    }
    const bool inferred = !y;
    if (!y) y = year;
    if (y)
      for (const auto& [day, at] : days)
        if (auto date = make(*y, static_cast<int>(month), day)) out.push_back({*date, at, end, inferred});
    i = end;
  }
  return out;
}

// ---- amounts ----

namespace {

struct Unit {
  std::string_view text;  // lower case
  std::int64_t scale;     // in kronor
  bool needs_currency;    // a scale word that needs "kr"/"kronor" after it (or stands alone)
};

constexpr std::array<Unit, 21> glued_units{{
    {"kronorna", 1, false}, {"kronor", 1, false},  {"kr.", 1, false},     {"kr", 1, false},          {"sek", 1, false},
    {":-", 1, false},      {"tkr", 1000, false},  {"tsek", 1000, false},     {"ksek", 1000, false},
    {"mnkr", 1000000, false}, {"mkr", 1000000, false}, {"msek", 1000000, false}, {"mdkr", 1000000000, false},
    {"miljoner", 1000000, true}, {"miljon", 1000000, true}, {"milj.", 1000000, true},
    {"miljarder", 1000000000, true}, {"miljard", 1000000000, true}, {"mdr", 1000000000, true},
    {"tusen", 1000, true}, {"mn", 1000000, true},
}};

struct NumberWord {
  std::string_view word;
  int value;
};
constexpr std::array<NumberWord, 23> number_words{{
    {"en", 1},       {"ett", 1},      {"två", 2},     {"tre", 3},       {"fyra", 4},     {"fem", 5},
    {"sex", 6},      {"sju", 7},      {"åtta", 8},    {"nio", 9},       {"tio", 10},     {"elva", 11},
    {"tolv", 12},    {"femton", 15},  {"tjugo", 20},  {"tjugofem", 25}, {"trettio", 30}, {"fyrtio", 40},
    {"femtio", 50},  {"sextio", 60},  {"hundra", 100}, {"halv", 0},     {"en halv", 0},
}};

// Words after "fyra miljoner" that show it is not money ("fyra miljoner invånare").
bool currency_follows(std::string_view s, std::size_t at) {
  const std::size_t i = skip_spaces(s, at);
  if (i >= s.size()) return true;
  const char c = s[i];
  if (c == '.' || c == ',' || c == ';' || c == ')' || c == ':') return true;
  for (std::string_view w : {"kronor", "kr", "sek", "till", "för", "i", "att", "som", "och", "per", "under", "från",
                             "av", "inom", "årligen", "varje", "om", "ur", "på", "under", "med"})
    if (starts_with_word(s.substr(i), w)) return true;
  return false;
}

}  // namespace

bool is_approximation_word(std::string_view lowered) noexcept {
  for (std::string_view a : {"ca", "ca.", "cirka", "circa", "c:a", "omkring", "drygt", "knappt", "ungefär"})
    if (lowered == a) return true;
  return false;
}

bool is_job_title_word(std::string_view lowered) noexcept {
  lowered = strip_punct(lowered);
  for (std::string_view e : {"chef", "direktör", "sekreterare", "samordnare", "handläggare", "strateg", "controller",
                             "läkare", "sjuksköterska", "utvecklare", "rådgivare", "ekonom", "jurist", "kurator",
                             "analytiker", "planerare", "specialist", "koordinator", "ledare", "utredare", "psykolog",
                             "kommunikatör", "administratör", "assistent", "ombudsman", "revisor", "sakkunnig",
                             "terapeut", "arkivarie", "registrator", "förvaltare", "inspektör"})
    if (lowered.size() >= e.size() && lowered.substr(lowered.size() - e.size()) == e) return true;
  return false;
}

bool is_title_acronym(std::string_view lowered) noexcept {
  lowered = strip_punct(lowered);
  for (std::string_view e : {"mas", "mar", "mas/mar", "mar/mas", "sas", "mal", "mas-mar"})
    if (lowered == e) return true;
  return false;
}

std::optional<std::pair<std::string_view, std::string_view>> title_then_organisation(std::string_view part) {
  part = trim(part);
  const auto ws = words(part);
  if (ws.size() < 2) return std::nullopt;
  // The title: an acronym, or lower-case words ending in a job's word.
  for (std::size_t cut = 1; cut < ws.size() && cut <= 4; ++cut) {
    const std::string last = lower(ws[cut - 1]);
    bool title = false;
    if (cut == 1 && is_title_acronym(last) && all_caps(ws[0])) title = true;
    if (!title) {
      bool lower_words = true;
      for (std::size_t w = 0; w < cut; ++w) lower_words = lower_words && starts_lower(ws[w]);
      title = lower_words && is_job_title_word(last);
    }
    if (!title) continue;
    const std::string_view org = trim(part.substr(static_cast<std::size_t>(ws[cut].data() - part.data())));
    if (!starts_upper(org) || words(org).size() < 2 || !looks_like_organisation(org)) return std::nullopt;
    const std::string_view head = trim(part.substr(0, static_cast<std::size_t>(ws[cut].data() - part.data())));
    return std::pair{head, org};
  }
  return std::nullopt;
}

namespace {

std::size_t approx_before(std::string_view s, std::size_t at) {
  // Looks back over one word: "ca ", "cirka ", "drygt ", "omkring ", "c:a ".
  std::size_t j = at;
  while (j > 0 && is_space(s[j - 1])) --j;
  std::size_t w = j;
  while (w > 0 && !is_space(s[w - 1])) --w;
  return is_approximation_word(s.substr(w, j - w)) ? w : at;
}

}  // namespace

std::vector<FoundAmount> find_amounts(std::string_view text) { return find_amounts_lowered(lower(text)); }

std::vector<FoundAmount> find_amounts_lowered(std::string_view s) {
  std::vector<FoundAmount> out;
  std::size_t i = 0;
  // A number that had no unit, remembered so that "1 61000 000 000 kronor"
  // (digit groups gone wrong) is reported whole instead of read as "000 000 kronor".
  std::size_t chain_begin = npos;
  std::size_t chain_end = npos;
  while (i < s.size()) {
    std::int64_t whole = 0;
    std::int64_t fraction = 0;  // hundredths
    std::size_t end = i;
    bool digits = false;
    bool ok = false;
    const bool chained = chain_end != npos && i == chain_end + 1 && s[chain_end] == ' ';
    if (is_digit(s[i]) && boundary_before(s, i) && (i == 0 || (s[i - 1] != '.' && s[i - 1] != ','))) {
      // 1 280 000 000 | 1.280.000 | 25 | 3,5
      int first = 0;
      std::size_t n = read_digits(s, i, 15, first);
      std::size_t k = i + n;
      whole = 0;
      for (std::size_t d = 0; d < n; ++d) whole = whole * 10 + (s[i + d] - '0');
      if (n <= 3) {
        for (;;) {
          if (k + 3 < s.size() + 0 && (s[k] == ' ' || s[k] == '.') && is_digit(s[k + 1])) {
            int g = 0;
            const std::size_t ng = read_digits(s, k + 1, 4, g);
            if (ng == 3 && boundary_after(s, k + 4)) {
              whole = whole * 1000 + g;
              k += 4;
              if (whole > std::numeric_limits<std::int64_t>::max() / 100000) break;
              continue;
            }
          }
          break;
        }
      }
      if (k + 1 < s.size() && s[k] == ',' && is_digit(s[k + 1])) {
        int f = 0;
        const std::size_t nf = read_digits(s, k + 1, 3, f);
        if (nf <= 2) {
          fraction = nf == 1 ? f * 10 : f;
          k += 1 + nf;
        }
      }
      end = k;
      digits = true;
      ok = true;
    } else if ((s[i] == 'e' || s[i] == 't' || s[i] == 'f' || s[i] == 's' || s[i] == 'n' || s[i] == 'h' ||
                s[i] == '\xC3') &&
               boundary_before(s, i)) {
      for (const auto& nw : number_words) {
        if (nw.word[0] != s[i]) continue;
        if (starts_with_word(s.substr(i), nw.word) && nw.value > 0) {
          whole = nw.value;
          end = i + nw.word.size();
          ok = true;
          break;
        }
      }
    }
    if (!ok) {
      ++i;
      continue;
    }
    // The unit: glued ("25mnkr") or after one space.
    std::size_t u = end;
    if (u < s.size() && s[u] == ' ') ++u;
    const Unit* unit = nullptr;
    for (const auto& candidate : glued_units) {
      if (s.substr(u, candidate.text.size()) != candidate.text) continue;
      const std::size_t after = u + candidate.text.size();
      if (candidate.text.back() != '.' && candidate.text != ":-" && !boundary_after(s, after)) continue;
      if (!digits && !candidate.needs_currency) continue;  // "fyra kronor" is too small to matter and too ambiguous
      unit = &candidate;
      break;
    }
    if (!unit) {
      if (digits) {
        if (!chained) chain_begin = i;
        chain_end = end;
      }
      i = digits ? std::max(end, i + 1) : i + 1;
      continue;
    }
    if (digits && (chained || (s[i] == '0' && end > i + 1 && is_digit(s[i + 1])))) {
      const std::size_t stop = u + unit->text.size();
      out.push_back({Money{}, chained ? chain_begin : i, stop, true});
      chain_end = npos;
      i = stop;
      continue;
    }
    chain_end = npos;
    std::size_t stop = u + unit->text.size();
    std::int64_t scale = unit->scale;
    if (unit->needs_currency) {
      // "3 miljoner kronor" / "fyra miljoner" / "tio miljarder kr"
      std::size_t c = skip_spaces(s, stop);
      bool currency = false;
      for (std::string_view cur : {"kronor", "kr.", "kr", "sek"}) {
        if (s.substr(c, cur.size()) == cur && (cur.back() == '.' || boundary_after(s, c + cur.size()))) {
          stop = c + cur.size();
          currency = true;
          break;
        }
      }
      if (!currency && !currency_follows(s, stop)) {
        i = std::max(end, i + 1);
        continue;
      }
      // "1 000 tusen" is not a thing, but "tusen" after digits with no currency is too weak.
      if (!currency && unit->text == "tusen") {
        i = std::max(end, i + 1);
        continue;
      }
      if (!currency && digits && unit->text == "mn") {
        i = std::max(end, i + 1);
        continue;
      }
    }
    // Whole öre, refusing what would not fit.
    const std::int64_t max = std::numeric_limits<std::int64_t>::max();
    if (whole > max / 100 / scale) {
      i = stop;
      continue;
    }
    const std::int64_t base = whole * 100 * scale;
    if (base > max - fraction * scale) {
      i = stop;
      continue;
    }
    const std::int64_t ore = base + fraction * scale;
    const std::size_t begin = approx_before(s, i);
    out.push_back({Money::from_ore(ore, Currency::sek(), begin != i), begin, stop});
    i = stop;
  }
  return out;
}

// ---- times ----

namespace {
// "09.00", "9:00", "9" (only after "kl"). Returns length read.
std::size_t read_time(std::string_view s, std::size_t i, bool bare_hour_ok, TimeOfDay& t) {
  int h = 0;
  const std::size_t nh = read_digits(s, i, 3, h);
  // "–16.10" after an en dash: only an ASCII letter or digit glued on stops a time.
  if (nh == 0 || nh > 2) return 0;
  if (i > 0 && (is_digit(s[i - 1]) || (s[i - 1] >= 'a' && s[i - 1] <= 'z') || s[i - 1] == '.' || s[i - 1] == ',')) return 0;
  std::size_t k = i + nh;
  int m = 0;
  if (k + 2 < s.size() + 0 && (s[k] == '.' || s[k] == ':') && is_digit(s[k + 1])) {
    const std::size_t nm = read_digits(s, k + 1, 3, m);
    if (nm != 2) return 0;
    // "28.10.2024" is a date, not 28.10
    if (k + 3 < s.size() && (s[k + 3] == '.' || s[k + 3] == '/') && k + 4 < s.size() && is_digit(s[k + 4])) return 0;
    k += 3;
  } else if (!bare_hour_ok) {
    return 0;
  }
  // "13.00–15.30": a dash (ASCII or not) may follow; a letter or digit may not.
  if (k < s.size() && (is_digit(s[k]) || (s[k] >= 'a' && s[k] <= 'z'))) return 0;
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return 0;
  t = TimeOfDay{static_cast<std::uint8_t>(h), static_cast<std::uint8_t>(m)};
  return k - i;
}
}  // namespace

std::optional<FoundTimes> find_times(std::string_view text, bool bare_hours) {
  const std::string lowered = lower(text);
  const std::string_view s = lowered;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_digit(s[i])) continue;
    bool after_kl = false;
    std::size_t begin = i;
    {
      std::size_t j = i;
      while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '.')) --j;
      after_kl = j >= 2 && s.substr(j - 2, 2) == "kl" && boundary_before(s, j - 2);
      if (after_kl) begin = j - 2;
      else after_kl = bare_hours;
    }
    TimeOfDay start;
    const std::size_t n = read_time(s, i, after_kl, start);
    if (!n) {
      while (i + 1 < s.size() && is_digit(s[i + 1])) ++i;
      continue;
    }
    std::size_t k = skip_spaces(s, i + n);
    std::size_t dash = 0;
    if (k < s.size() && s[k] == '-') dash = 1;
    else if (s.substr(k, 3) == "\xE2\x80\x93" || s.substr(k, 3) == "\xE2\x80\x94") dash = 3;
    else if (starts_with_word(s.substr(k), "till")) dash = 4;
    if (dash) {
      std::size_t e = skip_spaces(s, k + dash);
      if (starts_with_word(s.substr(e), "kl")) e = skip_spaces(s, e + 2 + (e + 2 < s.size() && s[e + 2] == '.'));
      // "09:00-12": after a full start time the end may be a bare hour.
      TimeOfDay end;
      if (const std::size_t m = read_time(s, e, after_kl || n >= 4, end)) return FoundTimes{start, end, begin, e + m};
    }
    return FoundTimes{start, std::nullopt, begin, i + n};
  }
  return std::nullopt;
}

// ---- names ----

namespace {

// Words (lower case) that make a phrase an organisation's or body's name.
constexpr std::string_view organisation_words[] = {
    "region",      "regionen",    "kommun",      "kommunen",      "stad",         "staden",      "landsting",
    "landstinget", "förbund",     "förbundet",   "kommunalförbund", "skr",        "skl",         "sveriges",
    "nämnd",       "nämnden",     "styrelse",    "styrelsen",     "utskott",      "utskottet",   "förvaltning",
    "förvaltningen", "sjukhus",   "sjukhuset",   "sjukhusen",     "group",        "ab",          "vårdcentral",
    "vårdcentralen", "myndighet", "myndigheten", "socialstyrelsen", "departement", "departementet", "regeringen",
    "länsstyrelsen", "universitet", "universitetet", "kansli",   "kansliet",     "kontor",      "kontoret",
    "enhet",       "enheten",     "avdelning",   "avdelningen",   "samverkan",    "vårdsamverkan", "arbetsgrupp",
    "arbetsgruppen", "styrgrupp", "styrgruppen", "referensgrupp", "referensgruppen", "ledningsgrupp",
    "ledningsgruppen", "beredning", "beredningen", "samråd",     "rådet",        "råd",         "nätverk",
    "nätverket",   "förening",    "föreningen",  "inc",           "ltd",          "consulting",  "akademin",
    "fullmäktige", "primärvård",  "primärvården", "psykiatri",    "psykiatrin",   "närsjukvården", "kommunerna",
    "hälsoval",    "vårdval",     "centrum",     "institutet",    "inspektionen", "verket",      "myndighet",
    "kommunförbund", "försäkringskassan", "e-hälsomyndigheten", "stadsdel", "stadsdelsförvaltning",
    // Companies by their form: a consultancy named without a person is no attendee.
    "partners", "consultants", "advisory", "konsult", "konsulter", "aktiebolag", "stiftelse", "stiftelsen",
    // "Norrbottens Kommuner", "Aalborg Kommune", "Kalmar läns landsting", "Visby lasarett", "Hermods AB".
    "kommuner", "kommune", "lasarett", "lasarettet", "högskola", "högskolan", "kb", "hb",
};

// Endings of compound words that name organisations ("Götalandsregionen",
// "Regionhälsan", "Stadsledningskontoret", "Närhälsan").
constexpr std::string_view organisation_endings[] = {
    "regionen", "kommun", "förbund", "landstinget", "sjukhuset", "sjukhus", "förvaltningen", "förvaltning",
    "nämnden", "nämnd", "styrelsen", "utskottet", "kontoret", "hälsan", "vården", "gruppen", "myndigheten",
    "centrum", "kansliet", "enheten", "rådet", "verket", "kassan", "akademin", "institutet", "samverkan",
};

constexpr std::string_view name_particles[] = {"von", "af", "av", "de", "van", "der", "den", "la", "le", "di", "da", "el", "al", "bin"};

bool is_org_word(std::string_view lowered_word) {
  for (std::string_view w : organisation_words)
    if (lowered_word == w) return true;
  return false;
}

bool has_org_ending(std::string_view lowered_word) {
  for (std::string_view e : organisation_endings)
    if (lowered_word.size() > e.size() + 2 && lowered_word.substr(lowered_word.size() - e.size()) == e) return true;
  return false;
}

// Letters (and '-', '\'', '.') only: names have no digits or symbols.
bool name_chars(std::string_view w) {
  for (char c : w) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '-' || c == '\'' || c == '.') continue;
    return false;
  }
  return true;
}

}  // namespace

bool looks_like_person(std::string_view phrase) {
  const auto ws = words(strip_punct(phrase));
  if (ws.size() < 2 || ws.size() > 5) return false;
  int capitalised = 0;
  for (std::size_t k = 0; k < ws.size(); ++k) {
    const auto w = ws[k];
    if (!name_chars(w)) return false;
    const std::string lw = lower(w);
    if (is_org_word(lw) || has_org_ending(lw)) return false;
    if (all_caps(w) && w.size() > 1) return false;
    if (starts_upper(w)) {
      // "A." initials are fine; a word ending in '.' otherwise ends a sentence.
      if (w.back() == '.' && w.size() > 2) return false;
      ++capitalised;
      continue;
    }
    bool particle = false;
    for (std::string_view p : name_particles) particle = particle || lw == p;
    if (!particle || k == 0 || k + 1 == ws.size()) return false;
  }
  return capitalised >= 2;
}

bool looks_like_organisation(std::string_view phrase) {
  const auto ws = words(strip_punct(phrase));
  if (ws.empty() || ws.size() > 12) return false;
  for (const auto w : ws) {
    const std::string lw = lower(strip_punct(w));
    if (is_org_word(lw) || has_org_ending(lw)) return true;
    if (all_caps(strip_punct(w))) return true;
  }
  // One capitalised word that is not a common label: "VästKom", "Närhälsan", "Inera".
  if (ws.size() == 1 && starts_upper(ws[0]) && name_chars(ws[0])) return true;
  return false;
}

OrganisationKind guess_kind(std::string_view name) {
  const std::string l = lower(name);
  const auto has = [&](std::string_view w) { return find_word(l, w) != npos; };
  const auto ends = [&](std::string_view e) { return l.size() >= e.size() && l.substr(l.size() - e.size()) == e; };
  if (has("kommunalförbund") || has("kommunförbund") || ends("kommunalförbund") || l == "västkom" || has("västkom"))
    return OrganisationKind::municipal_association;
  if (has("sveriges kommuner") || l == "skr" || l == "skl") return OrganisationKind::national_association;
  if (has("regeringen") || has("departementet") || has("socialdepartementet") || l == "staten")
    return OrganisationKind::government;
  if (has("socialstyrelsen") || has("myndigheten") || has("inspektionen") || has("försäkringskassan") ||
      ends("myndigheten") || has("länsstyrelsen"))
    return OrganisationKind::state_agency;
  if (has("arbetsgrupp") || has("arbetsgruppen") || has("styrgrupp") || has("styrgruppen") || has("referensgrupp") ||
      has("referensgruppen") || has("projektgrupp") || has("nätverk") || has("ledningsgrupp") || ends("gruppen") ||
      ends("grupp"))
    return OrganisationKind::working_group;
  if (has("utskott") || has("utskottet") || ends("utskott") || ends("utskottet") || has("nämnd") || has("nämnden") ||
      ends("nämnd") || ends("nämnden") || ends("styrelse") || ends("styrelsen") || has("styrelse") ||
      has("fullmäktige") || has("beredning") || has("beredningen"))
    return OrganisationKind::committee;
  if (has("samråd") || has("vårdsamverkan") || has("samverkansgrupp") || ends("samråd") || has("rådet"))
    return OrganisationKind::collaboration_body;
  if (starts_with_word(l, "region") || ends("regionen") || starts_with_word(l, "landstinget") || ends("landsting"))
    return OrganisationKind::region;
  if (has("kommun") || ends(" stad") || has("stad") || ends("kommun")) return OrganisationKind::municipality;
  if (has("sjukhus") || has("sjukhuset") || has("sjukhusen") || has("förvaltning") || has("förvaltningen") ||
      ends("hälsan") || ends("sjukhuset") || has("regionkontoret") || ends("kontoret"))
    return OrganisationKind::unit;
  if (has("ab") || has("group") || has("vårdcentral")) return OrganisationKind::private_provider;
  return OrganisationKind::other;
}

std::string region_core(std::string_view name) {
  std::string l = fold(name);
  const auto strip_prefix = [&](std::string_view p) {
    if (l.substr(0, p.size()) == p) {
      l.erase(0, p.size());
      return true;
    }
    return false;
  };
  const auto strip_suffix = [&](std::string_view p) {
    if (l.size() > p.size() && l.substr(l.size() - p.size()) == p) {
      l.erase(l.size() - p.size());
      return true;
    }
    return false;
  };
  bool region = strip_prefix("region ") || strip_prefix("landstinget i ") || strip_prefix("landstinget ");
  if (!region) region = strip_suffix("sregionen") || strip_suffix("regionen") || strip_suffix(" läns landsting") ||
                        strip_suffix("s läns landsting") || strip_suffix(" landsting") || strip_suffix(" region");
  if (!region) return {};
  l = std::string(trim(l));
  if (l.size() > 3 && (l.back() == 's')) l.pop_back();  // genitive: "Västra Götalands region"
  if (l.size() > 3 && l.substr(l.size() - 3) == " lä") l.erase(l.size() - 3);
  return l;
}

std::vector<std::string> acronyms(std::string_view name) {
  // Initials of the words, skipping lower-case joiners; a compound ending in
  // an organisation word adds that word's initial ("Götalandsregionen" -> G, R).
  const auto ws = words(name);
  std::string plain;
  std::string with_joiners;
  for (const auto w : ws) {
    const std::string lw = lower(strip_punct(w));
    if (lw.empty()) continue;
    std::string initial;
    const auto u = static_cast<unsigned char>(lw[0]);
    initial = u >= 0x80 && lw.size() > 1 ? lw.substr(0, 2) : lw.substr(0, 1);
    with_joiners += initial;
    if (starts_lower(w) && (lw == "och" || lw == "i" || lw == "för" || lw == "av" || lw == "på")) continue;
    plain += initial;
    for (std::string_view tail : {"regionen", "region", "landstinget", "kommunförbund", "förbundet", "sjukhuset"}) {
      if (lw.size() > tail.size() + 2 && lw.substr(lw.size() - tail.size()) == tail) {
        plain += tail.substr(0, 1);
        break;
      }
    }
  }
  std::vector<std::string> out;
  if (plain.size() >= 2) out.push_back(plain);
  if (with_joiners != plain && with_joiners.size() >= 2) out.push_back(with_joiners);
  return out;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  int depth = 0;
  const auto flush = [&] {
    const auto t = strip_punct(current);
    if (!t.empty()) out.emplace_back(t);
    current.clear();
  };
  const std::string l = lower(text);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0) {
      if (c == ',' || c == ';' || c == '\t') {
        flush();
        continue;
      }
      // "hälso- och sjukvårdsdirektör", "Vård- och omsorgssamverkan": the
      // dash stands for a shared last part; one word, not two entries.
      const bool compound = i > 0 && text[i - 1] == '-';
      if (c == ' ' && !compound && (starts_with_word(std::string_view(l).substr(i + 1), "och") ||
                                    starts_with_word(std::string_view(l).substr(i + 1), "samt"))) {
        const std::size_t skip = starts_with_word(std::string_view(l).substr(i + 1), "och") ? 4 : 5;
        flush();
        i += skip;
        continue;
      }
    }
    current += c;
  }
  flush();
  return out;
}

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
