#include "lines.hpp"

#include "scan.hpp"
#include "vocabulary.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include <samverkan/core/text.hpp>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

namespace {

std::size_t count_bold(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t at = s.find("**"); at != std::string_view::npos; at = s.find("**", at + 2)) ++n;
  return n;
}

// Bytes that stand for a space in converted documents: no-break, narrow
// no-break, thin and figure spaces; zero-width ones and the BOM vanish.
void normalise_spaces(std::string_view raw, std::string& out) {
  // Most lines hold none of those bytes: one copy, no byte-wise appends.
  bool plain = true;
  for (const char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0xC2 || u == 0xE2 || u == 0xEF) {
      plain = false;
      break;
    }
  }
  if (plain) {
    out.assign(raw);
    return;
  }
  out.clear();
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto u = static_cast<unsigned char>(raw[i]);
    if (u == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
      out += ' ';
      ++i;
    } else if (u == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80) {
      const auto c = static_cast<unsigned char>(raw[i + 2]);
      if (c == 0xAF || c == 0x89 || c == 0x87 || c == 0x8A || c == 0x82 || c == 0x83) {
        out += ' ';
        i += 2;
      } else if (c == 0x8B || c == 0x8C || c == 0x8D) {
        i += 2;
      } else {
        out += raw[i];
      }
    } else if (u == 0xEF && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xBB &&
               static_cast<unsigned char>(raw[i + 2]) == 0xBF) {
      i += 2;
    } else if (u < 0x20 && raw[i] != '\t') {
      out += ' ';
    } else {
      out += raw[i];
    }
  }
}

// "[här](#)" -> "här"; "<https://...>" stays.
void drop_link_targets(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ']' && i + 1 < s.size() && s[i + 1] == '(') {
      const std::size_t close = s.find(')', i + 2);
      if (close != std::string_view::npos) {
        const std::size_t open = out.rfind('[');
        if (open != std::string::npos) out.erase(open, 1);
        i = close;
        continue;
      }
    }
    out += s[i];
  }
}

bool only_chars(std::string_view s, std::string_view allowed) {
  if (s.size() < 3) return false;
  for (char c : s)
    if (allowed.find(c) == std::string_view::npos) return false;
  return true;
}

constexpr std::string_view bullets[] = {
    "- ", "* ", "+ ", "\xE2\x80\xA2", /* • */ "\xC2\xB7", /* · */ "\xE2\x80\x93 ", /* – */ "\xE2\x96\xAA", /* ▪ */
    "\xEF\x82\xB7", /* Word's private-use bullet */ "\xE2\x9E\xA2", /* ➢ */ "\xE2\x96\xBA", /* ► */ "o ",
    "\xE2\x97\x8F", /* ● */ "\xE2\x97\xA6", /* ◦ */
};

std::uint32_t to_u32(std::size_t n) noexcept {
  return n > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(n);
}

// The cleaning's working strings, kept from line to line so that cleaning a
// line allocates nothing once they have grown.
struct Scratch {
  std::string s, work, cells, links, text, out, joined;
};

// A line with nothing to clean, which most lines are: no special spaces or
// control bytes, no tab or run of spaces, no Markdown or bullet at its
// start, no emphasis, link, underscores or run of dots. Cleaning it only
// trims it.
bool plain_line(std::string_view raw) {
  std::size_t b = 0;
  while (b < raw.size() && raw[b] == ' ') ++b;
  if (b == raw.size()) return true;
  const char f = raw[b];
  if (is_digit(f) || std::string_view("-*+o>#|_=").find(f) != std::string_view::npos || raw.back() == '\\') return false;
  std::size_t dots = 0;
  char prev = 0;
  for (const char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0xC2 || u == 0xE2 || u == 0xEF) return false;
    if (c == '*' || c == '_' || c == ']' || (c == ' ' && prev == ' ')) return false;
    dots = c == '.' ? dots + 1 : 0;
    if (dots >= 4) return false;
    prev = c;
  }
  return true;
}

// Cleans one source line (or a bold span joined from several) and appends
// it to `lines`.
void clean(std::string_view raw, std::size_t first, std::size_t last, Lines& lines, Scratch& k) {
  std::size_t indent = 0;
  for (char c : raw) {
    if (c == ' ') ++indent;
    else if (c == '\t') indent += 8;
    else break;
  }
  bool heading = false;
  bool bullet = false;
  const auto add = [&](std::string_view text, bool rule) {
    Line& line = lines.append(text, to_u32(first), to_u32(last));
    line.indent = static_cast<std::uint16_t>(std::min<std::size_t>(indent, UINT16_MAX));
    line.heading = heading;
    line.bullet = bullet;
    line.rule = rule;
  };
  if (plain_line(raw)) {
    add(trim(raw), false);
    return;
  }
  std::string& s = k.s;
  normalise_spaces(raw, s);
  // Signature lines ("Sekreterare ........................") keep their label.
  for (std::size_t at = 0; (at = s.find("....", at)) != std::string::npos;) {
    std::size_t end = at;
    while (end < s.size() && (s[end] == '.' || s[end] == '_')) ++end;
    if (end - at >= 5) s.replace(at, end - at, "   ");
    else at = end;
  }
  for (std::size_t at = 0; (at = s.find("_____", at)) != std::string::npos;) {
    std::size_t end = at;
    while (end < s.size() && s[end] == '_') ++end;
    s.replace(at, end - at, "   ");
  }
  std::string_view v = trim(s);
  while (!v.empty() && v.front() == '>') v = trim(v.substr(1));
  if (!v.empty() && v.front() == '#') {
    std::size_t h = 0;
    while (h < v.size() && v[h] == '#') ++h;
    if (h <= 6 && (h == v.size() || v[h] == ' ')) {
      heading = true;
      v = trim(v.substr(h));
    }
  }
  if (only_chars(v, "-") || only_chars(v, "*") || only_chars(v, "_") || only_chars(v, "=") ||
      only_chars(v, "- ") || only_chars(v, "* ")) {
    add({}, true);
    return;
  }
  std::string& work = k.work;
  work.assign(v);
  // Markdown table rows become tab-separated cells; the separator row goes.
  if (!work.empty() && work.front() == '|') {
    std::string& cells = k.cells;
    cells.clear();
    bool separator = true;
    std::size_t start = 1;
    while (start <= work.size()) {
      std::size_t bar = work.find('|', start);
      if (bar == std::string::npos) bar = work.size();
      const auto cell = trim(std::string_view(work).substr(start, bar - start));
      if (bar < work.size() || !cell.empty()) {
        for (char c : cell)
          if (c != '-' && c != ':' && c != ' ') separator = false;
        if (!cells.empty() || start > 1) cells += '\t';
        cells += cell;
      }
      start = bar + 1;
    }
    if (separator) {
      add({}, true);
      return;
    }
    work.swap(cells);
  }
  // Trailing Markdown hard breaks.
  while (!work.empty() && (work.back() == '\\' || work.back() == ' ')) work.pop_back();
  // Bold from end to end is a heading the way Word exports them.
  {
    const std::string_view w = work;
    if (w.size() > 4 && w.substr(0, 2) == "**" && w.substr(w.size() - 2) == "**" && count_bold(w) == 2)
      heading = true;
  }
  for (const auto b : bullets) {
    if (work.compare(0, b.size(), b) == 0 && work.size() > b.size()) {
      bullet = true;
      work.erase(0, b.size());
      break;
    }
  }
  // "1. att fördela ...", "2) att ge ...": the numbered clauses of one
  // decision are a list, not agenda items.
  if (!bullet) {
    std::size_t d = 0;
    while (d < work.size() && d < 2 && work[d] >= '0' && work[d] <= '9') ++d;
    if (d > 0 && d + 5 < work.size() && (work[d] == '.' || work[d] == ')') && work.compare(d + 1, 5, " att ") == 0) {
      bullet = true;
      work.erase(0, d + 2);
    }
  }
  if (work.find("](") != std::string::npos) {
    drop_link_targets(work, k.links);
    work.swap(k.links);
  }
  // Emphasis markers go; '*' inside a word is not Markdown but is rare enough
  // in minutes to drop as well.
  std::string_view text = work;
  if (work.find('*') != std::string::npos || work.find("__") != std::string::npos) {
    k.text.clear();
    for (std::size_t i = 0; i < work.size(); ++i) {
      if (work[i] == '*') continue;
      if (work[i] == '_' && i + 1 < work.size() && work[i + 1] == '_') {
        ++i;
        continue;
      }
      k.text += work[i];
    }
    text = k.text;
  }
  // Collapse spaces; a run of three or more, or a tab, is a column break.
  std::string& out = k.out;
  out.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      std::size_t j = i;
      bool tab = false;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) {
        tab = tab || text[j] == '\t';
        ++j;
      }
      if (!out.empty() && j < text.size()) out += (tab || j - i >= 3) ? '\t' : ' ';
      i = j;
    } else {
      // A run of plain bytes at once.
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != ' ' && text[j] != '\t') ++j;
      out.append(text.substr(i, j - i));
      i = j;
    }
  }
  // "-  **Beslut**" left a space; a bullet with nothing in it is nothing.
  add(bullet ? trim(out) : std::string_view(out), false);
}

}  // namespace

namespace {

// Length of the valid UTF-8 sequence at i, or 0 (overlong forms, surrogates
// and code points above U+10FFFF are invalid).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) n = 3;
  else if (c >= 0xF0 && c <= 0xF4) n = 4;
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && b(i + 1) < 0xA0) return 0;
  if (c == 0xED && b(i + 1) > 0x9F) return 0;
  if (c == 0xF0 && b(i + 1) < 0x90) return 0;
  if (c == 0xF4 && b(i + 1) > 0x8F) return 0;
  return n;
}

void append_code_point(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Windows-1252's 0x80-0x9F; 0 where the code page leaves a byte undefined.
constexpr unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

}  // namespace

std::string to_utf8(std::string_view document, Encoding& encoding, std::size_t& replaced) {
  encoding = Encoding::utf8;
  replaced = 0;
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
  for (std::size_t i = 0; i < document.size();) {
    const std::size_t n = utf8_length(document, i);
    if (n == 0) {
      ++invalid;
      ++i;
    } else {
      multibyte += n > 1;
      i += n;
    }
  }
  if (invalid == 0) return std::string(document);
  std::string out;
  out.reserve(document.size() + invalid * 2);
  if (multibyte == 0) {
    encoding = Encoding::windows1252;
    for (const char ch : document) {
      const auto c = static_cast<unsigned char>(ch);
      if (c < 0x80) {
        out += ch;
      } else if (c < 0xA0) {
        const unsigned cp = cp1252_high[c - 0x80];
        if (cp == 0) ++replaced;
        append_code_point(out, cp ? cp : 0xFFFD);
      } else {
        append_code_point(out, c);
      }
    }
    return out;
  }
  encoding = Encoding::repaired;
  for (std::size_t i = 0; i < document.size();) {
    const std::size_t n = utf8_length(document, i);
    if (n == 0) {
      append_code_point(out, 0xFFFD);
      ++replaced;
      ++i;
    } else {
      out.append(document.substr(i, n));
      i += n;
    }
  }
  return out;
}

namespace {

// The source lines of a document, one at a time, with their one-based
// numbers: a line ends at "\n", "\r\n" or "\r"; the empty piece after a
// final line break is not a line. A copy looks ahead.
struct Pieces {
  std::string_view document;
  std::size_t at = 0;
  std::size_t number = 0;

  bool next(std::string_view& s) {
    if (at > document.size()) return false;
    std::size_t e = at;
    while (e < document.size() && document[e] != '\n' && document[e] != '\r') ++e;
    s = document.substr(at, e - at);
    if (e == document.size()) {
      at = e + 1;
      if (s.empty()) return false;
    } else {
      at = e + 1;
      if (document[e] == '\r' && at < document.size() && document[at] == '\n') ++at;
    }
    ++number;
    return true;
  }
};

bool blank_raw(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// Past max_blank_run, the blank lines of a run are not kept: no reader
// looks that far across blanks, and a document of nothing but newlines
// would otherwise cost a Line per byte.
constexpr std::size_t max_blank_run = 8;

}  // namespace

Lines split_lines(std::string_view document, std::size_t* dropped) {
  // First the lines kept and their bytes, so that the records and the text
  // are each allocated once, at their size: a vector grown by doubling
  // would hold up to twice the lines at its peak.
  std::size_t kept = 0;
  std::size_t bytes = 0;
  std::size_t skipped = 0;
  {
    Pieces p{document};
    std::size_t blank_run = 0;
    for (std::string_view s; p.next(s);) {
      blank_run = blank_raw(s) ? blank_run + 1 : 0;
      if (blank_run > max_blank_run) {
        ++skipped;
        continue;
      }
      ++kept;
      bytes += s.size() + 1;
    }
  }
  if (dropped) *dropped = skipped;

  Lines lines;
  lines.reserve(kept);
  lines.reserve_text(bytes);
  Scratch scratch;
  Pieces p{document};
  std::size_t blank_run = 0;
  for (std::string_view s; p.next(s);) {
    blank_run = blank_raw(s) ? blank_run + 1 : 0;
    if (blank_run > max_blank_run) continue;
    const std::size_t number = p.number;
    // A bold span broken over lines ("**Regionstyrelsens hälso- och  \n
    // sjukvårdsutskott**") is one heading: join up to three lines.
    std::size_t joins = 0;
    if (count_bold(s) % 2 == 1) {
      Pieces ahead = p;
      std::size_t bold = count_bold(s);
      std::string_view t;
      for (std::size_t j = 1; j <= 3 && ahead.next(t) && !trim(t).empty(); ++j) {
        bold += count_bold(t);
        if (bold % 2 == 0) {
          joins = j;
          break;
        }
      }
    }
    if (joins == 0) {
      clean(s, number, number, lines, scratch);
      continue;
    }
    std::string& joined = scratch.joined;
    joined.clear();
    for (std::size_t k = 0; k <= joins; ++k) {
      std::string_view part = s;
      if (k > 0) {
        p.next(part);
        joined += ' ';
      }
      part = trim(part);
      while (!part.empty() && part.back() == '\\') part.remove_suffix(1);
      joined += part;
    }
    // The pieces joined are not blank: the run of blanks starts anew.
    blank_run = 0;
    const std::string copy = joined;  // clean() reuses the scratch strings
    clean(copy, number, p.number, lines, scratch);
  }
  remove_furniture(lines);
  remove_envelope(lines);
  join_hyphenated(lines);
  return lines;
}

SplitText split_text(std::string_view document) {
  SplitText out;
  // A valid UTF-8 document (nearly every one) is split where it lies.
  bool valid = true;
  for (std::size_t i = 0; i < document.size() && valid;) {
    const auto c = static_cast<unsigned char>(document[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = utf8_length(document, i);
    valid = n != 0;
    i += n;
  }
  if (valid) {
    out.lines = split_lines(document, &out.dropped);
    return out;
  }
  const std::string utf8 = to_utf8(document, out.encoding, out.replaced);
  out.lines = split_lines(utf8, &out.dropped);
  return out;
}

namespace {

bool has_date(std::string_view low) {
  for (std::size_t i = 0; i + 10 <= low.size(); ++i) {
    const auto d = [&](std::size_t k) { return is_digit(low[i + k]); };
    if (d(0) && d(1) && d(2) && d(3) && low[i + 4] == '-' && d(5) && d(6) && low[i + 7] == '-' && d(8) && d(9)) return true;
  }
  return false;
}

bool ends_sentence_text(std::string_view text) {
  if (text.empty()) return true;
  const char c = text.back();
  return c == '.' || c == ':' || c == '!' || c == '?' || c == ';';
}

}  // namespace

void remove_furniture(Lines& lines) {
  std::vector<bool> furniture(lines.size(), false);
  std::vector<bool> paged(lines.size(), false);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    Line& l = lines[k];
    if (l.blank()) continue;
    const std::size_t tab = l.text().rfind('\t');
    if (tab != std::string::npos && is_page_number_line(l.low())) {
      // "Vård- och omsorgsnämnden\tSammanträdesdatum 2024-02-27\tSida 1(5)":
      // the page number goes, the header stays for what it says.
      std::size_t n = tab;
      while (n > 0 && l.text()[n - 1] == '\t') --n;
      lines.narrow(l, 0, n);
      paged[k] = true;
      if (l.blank()) furniture[k] = true;
    } else if (is_page_number_line(l.low()) || is_page_stamp(l.low())) {
      furniture[k] = true;
      paged[k] = true;
    }
  }
  // Lines that repeat identically: a header or footer printed on every page.
  // Dated and in columns ("Region X | Mötesanteckningar | 2024-03-14"), or
  // next to a page number: a running header, when it repeats; its first
  // showing is the record's own heading and stays. Only those candidates'
  // texts are counted, and a line is looked up only when its length is a
  // candidate's: most documents have few or none.
  constexpr std::size_t longest = 120;
  const auto eligible = [&](std::size_t k) {
    return !lines[k].blank() && !furniture[k] && lines[k].text().size() <= longest;
  };
  std::vector<std::size_t> candidates;
  std::vector<bool> lengths(longest + 1, false);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!eligible(k)) continue;
    const Line& l = lines[k];
    bool near_page = paged[k];
    for (std::size_t j = k > 2 ? k - 2 : 0; j < lines.size() && j <= k + 2; ++j)
      if (j != k && paged[j]) near_page = true;
    const bool columns = l.text().find('\t') != std::string::npos || l.text().find(" | ") != std::string::npos;
    if (near_page || (columns && has_date(l.low()))) {
      candidates.push_back(k);
      lengths[l.low().size()] = true;
    }
  }
  if (!candidates.empty()) {
    std::unordered_map<std::string_view, std::size_t> seen;
    for (const std::size_t k : candidates) seen.emplace(lines[k].low(), 0);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (!eligible(k) || !lengths[lines[k].low().size()]) continue;
      if (const auto found = seen.find(lines[k].low()); found != seen.end()) ++found->second;
    }
    std::unordered_map<std::string_view, bool> first_kept;
    for (const std::size_t k : candidates) {
      const Line& l = lines[k];
      if (seen.find(l.low())->second < 2) continue;
      if (first_kept.emplace(l.low(), true).second) continue;
      furniture[k] = true;
    }
  }
  // The lines kept are moved down in place (lines[0, kept) so far): a
  // second vector of them would double the peak memory on a long document.
  std::size_t kept = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!furniture[k]) {
      if (kept != k) lines[kept] = lines[k];
      ++kept;
      continue;
    }
    // Furniture inside a sentence ("... ca 1,9 mnkr per" / footer / "år.")
    // takes the blank lines around it along: the sentence goes on.
    std::size_t prev = kept;
    while (prev > 0 && lines[prev - 1].blank()) --prev;
    std::size_t next = k + 1;
    while (next < lines.size() && (lines[next].blank() || furniture[next])) ++next;
    if (prev > 0 && next < lines.size() && !ends_sentence_text(lines[prev - 1].text()) &&
        starts_lower(lines[next].text()) && !lines[prev - 1].heading && !lines[next].bullet) {
      kept = prev;
      for (std::size_t j = k + 1; j < next; ++j) furniture[j] = true;  // the blanks after it
    }
  }
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(kept), lines.end());
}

void remove_envelope(Lines& lines) {
  // The header block: e-mail labels among the first lines, a forwarding
  // marker allowed above them, wrapped recipients allowed between them.
  std::size_t first = std::string::npos, last = 0, labels = 0, seen = 0;
  bool sent_or_subject = false;
  std::size_t subject = std::string::npos;
  for (std::size_t k = 0; k < lines.size() && seen < 14; ++k) {
    const Line& l = lines[k];
    if (l.blank() || l.rule) continue;
    ++seen;
    const std::string_view low = l.low();
    if (is_forward_marker(low)) {
      if (first == std::string::npos) first = k;
      last = k;
      continue;
    }
    if (const std::size_t n = envelope_label(low)) {
      if (first == std::string::npos) {
        if (seen > 4) break;
        first = k;
      }
      ++labels;
      last = k;
      const std::string_view word = low.substr(0, n);
      if (word.starts_with("skickat") || word.starts_with("sent") || word.starts_with("ämne") ||
          word.starts_with("subject")) {
        sent_or_subject = true;
        if (word.starts_with("ämne") || word.starts_with("subject")) subject = k;
      }
      continue;
    }
    // A recipient list wrapped onto the next line.
    if (first != std::string::npos && k == last + 1 && l.indent > 0) {
      last = k;
      continue;
    }
    if (first != std::string::npos) break;
  }
  if (first == std::string::npos || labels < 3 || !sent_or_subject) return;
  // The message's own words (greeting, signature) stand before the record
  // when a rule or the record's heading follows them.
  std::size_t start = std::string::npos;
  for (std::size_t k = last + 1; k < lines.size() && k < last + 80; ++k) {
    const Line& l = lines[k];
    if (l.rule) {
      start = k + 1;
      break;
    }
    if (l.blank()) continue;
    if (l.text().size() <= 80 && !ends_sentence_text(l.text()) && record_kind_of(l.low())) {
      start = k;
      break;
    }
  }
  if (start != std::string::npos) {
    for (std::size_t k = first; k < start; ++k) lines[k].clear();
    return;
  }
  // The message is the record: its subject ("SV: Minnesanteckningar
  // styrgruppen 2026-11-25") is its title line.
  for (std::size_t k = first; k <= last; ++k) {
    if (k == subject) {
      Line& l = lines[k];
      std::string_view value = trim(l.text().substr(envelope_label(l.low())));
      for (bool again = true; again;) {
        again = false;
        for (std::string_view p : {"sv:", "vb:", "re:", "fw:", "fwd:", "vs:"})
          if (value.size() > p.size() && lower(value.substr(0, p.size())) == p) {
            value = trim(value.substr(p.size()));
            again = true;
          }
      }
      lines.narrow(l, static_cast<std::size_t>(value.data() - l.text().data()), value.size());
      continue;
    }
    lines[k].clear();
  }
}

void join_hyphenated(Lines& lines) {
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    Line& l = lines[k];
    Line& n = lines[k + 1];
    const std::string_view lt = l.text();
    const std::string_view nt = n.text();
    if (lt.size() < 3 || lt.back() != '-' || n.blank() || n.bullet || l.heading) continue;
    // The word before the dash: letters only, at least two of them.
    const std::size_t space = lt.find_last_of(" \t");
    const std::string_view head =
        lt.substr(space == std::string::npos ? 0 : space + 1, lt.size() - 1 - (space == std::string::npos ? 0 : space + 1));
    if (head.size() < 2 || !starts_lower(nt)) continue;
    bool letters = true;
    for (char c : head)
      if (is_digit(c) || c == '-' || c == '/' || c == '(' || c == '"') letters = false;
    if (!letters || all_caps(head)) continue;
    const std::size_t end = nt.find_first_of(" \t");
    const std::string_view word = nt.substr(0, end);
    // "hälso- och sjukvård": the dash stands for a shared last part.
    if (is_compound_continuation(lower(strip_punct(word))) || word.find('/') != std::string::npos) continue;
    std::string whole(lt.substr(0, lt.size() - 1));
    whole += word;
    lines.set_text(l, whole);
    if (end == std::string::npos) {
      n.clear();
    } else {
      const std::string_view rest = trim(nt.substr(end));
      lines.narrow(n, rest.empty() ? 0 : static_cast<std::size_t>(rest.data() - nt.data()), rest.size());
    }
    l.last = std::max(l.last, n.first);
  }
}

// ---- Line and Lines ----

// The record's size is what a document of short lines costs per line.
static_assert(sizeof(Line) <= 32);

ProbeLine::ProbeLine(std::string_view t) {
  buffer.reserve(t.size() * 2);
  buffer.append(t);
  buffer.append(t);
  lower_in_place(buffer.data() + t.size(), t.size());
  line.text_ = buffer.data();
  line.len_ = to_u32(t.size());
  line.own_low_ = true;
}

struct Lines::Store {
  // The lines stage's buffer: each line's text, then its lower-cased form
  // when that differs. Reserved once, never grown past that, so the views
  // into it stay put.
  std::string text;
  // Text written later, in blocks that are never moved.
  std::vector<std::unique_ptr<char[]>> blocks;
  char* free = nullptr;
  std::size_t left = 0;
  std::size_t extra = 0;
  std::vector<std::vector<std::string>> cells;
  // The line appended last: a line that repeats it views its text.
  Line previous;

  char* allocate(std::size_t n) {
    if (n > left) {
      const std::size_t size = std::max<std::size_t>(n, std::size_t{16} << 10);
      blocks.push_back(std::unique_ptr<char[]>(new char[size]));
      free = blocks.back().get();
      left = size;
      extra += size;
    }
    char* p = free;
    free += n;
    left -= n;
    return p;
  }
};

Lines::Lines() : store_(std::make_shared<Store>()) {}

void Lines::reserve_text(std::size_t bytes) { store_->text.reserve(store_->text.size() + 2 * bytes); }

namespace {

// Writes text, then its lower-cased form, at p (room for twice the text);
// true when they differ.
bool write_both(char* p, std::string_view text) {
  const std::size_t n = text.size();
  std::copy_n(text.data(), n, p);
  std::copy_n(text.data(), n, p + n);
  lower_in_place(p + n, n);
  return std::memcmp(p, p + n, n) != 0;
}

}  // namespace

void Lines::store(Line& l, std::string_view text) {
  text = text.substr(0, to_u32(text.size()));
  char* p = store_->allocate(text.size() * 2);
  l.own_low_ = write_both(p, text);
  l.text_ = p;
  l.len_ = static_cast<std::uint32_t>(text.size());
}

Line& Lines::append(std::string_view text, std::uint32_t first, std::uint32_t last) {
  Line& l = lines_.emplace_back();
  l.first = first;
  l.last = last;
  text = text.substr(0, to_u32(text.size()));
  // A line repeated ("§1" on every line of a broken export, a table's
  // separator) costs no text: the views are never written through.
  Line& previous = store_->previous;
  if (text == previous.text()) {
    l.text_ = previous.text_;
    l.len_ = previous.len_;
    l.own_low_ = previous.own_low_;
    return l;
  }
  std::string& t = store_->text;
  if (t.size() + 2 * text.size() > t.capacity()) {
    store(l, text);
    previous = l;
    return l;
  }
  const std::size_t at = t.size();
  t.resize(at + 2 * text.size());
  l.own_low_ = write_both(t.data() + at, text);
  // A line with no capitals is its own lower-cased form.
  if (!l.own_low_) t.resize(at + text.size());
  l.text_ = t.data() + at;
  l.len_ = static_cast<std::uint32_t>(text.size());
  previous = l;
  return l;
}

void Lines::narrow(Line& l, std::size_t pos, std::size_t n) {
  pos = std::min<std::size_t>(pos, l.len_);
  n = std::min<std::size_t>(n, l.len_ - pos);
  if (!l.own_low_) {
    l.text_ += pos;
    l.len_ = static_cast<std::uint32_t>(n);
    return;
  }
  const std::string_view text = l.text().substr(pos, n);
  const std::string_view low = l.low().substr(pos, n);
  char* p = store_->allocate(n * 2);
  std::copy_n(text.data(), n, p);
  std::copy_n(low.data(), n, p + n);
  l.text_ = p;
  l.len_ = static_cast<std::uint32_t>(n);
  l.own_low_ = text != low;
}

Line& Lines::add(std::string_view text, std::size_t first, std::size_t last) {
  Line& l = lines_.emplace_back();
  l.first = to_u32(first);
  l.last = to_u32(last);
  store(l, text);
  return l;
}

void Lines::set_text(Line& l, std::string_view text) { store(l, text); }

Line Lines::with_text(const Line& l, std::string_view text) {
  Line c = l;
  store(c, text);
  return c;
}

const std::vector<std::string>& Lines::cells(const Line& l) const noexcept {
  static const std::vector<std::string> none;
  return l.cells_ == 0 ? none : store_->cells[l.cells_ - 1];
}

void Lines::set_cells(Line& l, std::vector<std::string> cells) {
  if (cells.empty()) {
    l.cells_ = 0;
    return;
  }
  store_->cells.push_back(std::move(cells));
  l.cells_ = to_u32(store_->cells.size());
}

std::size_t Lines::text_bytes() const noexcept { return store_->text.size() + store_->extra; }

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
