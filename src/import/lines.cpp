#include "lines.hpp"

#include "scan.hpp"
#include "vocabulary.hpp"

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
std::string normalise_spaces(std::string_view raw) {
  // Most lines hold none of those bytes: one copy, no byte-wise appends.
  bool plain = true;
  for (const char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0xC2 || u == 0xE2 || u == 0xEF) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(raw);
  std::string out;
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
  return out;
}

// "[här](#)" -> "här"; "<https://...>" stays.
std::string drop_link_targets(std::string_view s) {
  if (s.find("](") == std::string_view::npos) return std::string(s);
  std::string out;
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
  return out;
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

Line clean(std::string_view raw, std::size_t first, std::size_t last) {
  Line line;
  line.first = first;
  line.last = last;
  for (char c : raw) {
    if (c == ' ') ++line.indent;
    else if (c == '\t') line.indent += 8;
    else break;
  }
  std::string s = normalise_spaces(raw);
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
      line.heading = true;
      v = trim(v.substr(h));
    }
  }
  if (only_chars(v, "-") || only_chars(v, "*") || only_chars(v, "_") || only_chars(v, "=") ||
      only_chars(v, "- ") || only_chars(v, "* ")) {
    line.rule = true;
    return line;
  }
  std::string work(v);
  // Markdown table rows become tab-separated cells; the separator row goes.
  if (!work.empty() && work.front() == '|') {
    std::string cells;
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
      line.rule = true;
      return line;
    }
    work = cells;
  }
  // Trailing Markdown hard breaks.
  while (!work.empty() && (work.back() == '\\' || work.back() == ' ')) work.pop_back();
  // Bold from end to end is a heading the way Word exports them.
  {
    const std::string_view w = work;
    if (w.size() > 4 && w.substr(0, 2) == "**" && w.substr(w.size() - 2) == "**" && count_bold(w) == 2)
      line.heading = true;
  }
  for (const auto b : bullets) {
    if (work.compare(0, b.size(), b) == 0 && work.size() > b.size()) {
      line.bullet = true;
      work.erase(0, b.size());
      break;
    }
  }
  // "1. att fördela ...", "2) att ge ...": the numbered clauses of one
  // decision are a list, not agenda items.
  if (!line.bullet) {
    std::size_t d = 0;
    while (d < work.size() && d < 2 && work[d] >= '0' && work[d] <= '9') ++d;
    if (d > 0 && d + 5 < work.size() && (work[d] == '.' || work[d] == ')') && work.compare(d + 1, 5, " att ") == 0) {
      line.bullet = true;
      work.erase(0, d + 2);
    }
  }
  if (work.find("](") != std::string::npos) work = drop_link_targets(work);
  // Emphasis markers go; '*' inside a word is not Markdown but is rare enough
  // in minutes to drop as well.
  std::string text;
  if (work.find('*') == std::string::npos && work.find("__") == std::string::npos) {
    text = std::move(work);
  } else {
    text.reserve(work.size());
    for (std::size_t i = 0; i < work.size(); ++i) {
      if (work[i] == '*') continue;
      if (work[i] == '_' && i + 1 < work.size() && work[i + 1] == '_') {
        ++i;
        continue;
      }
      text += work[i];
    }
  }
  // Collapse spaces; a run of three or more, or a tab, is a column break.
  std::string out;
  out.reserve(text.size());
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
      out += text[i++];
    }
  }
  if (line.bullet) {
    // "-  **Beslut**" left a space; a bullet with nothing in it is nothing.
    out = std::string(trim(out));
  }
  line.text = std::move(out);
  line.low = lower(line.text);
  return line;
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

std::vector<Line> split_lines(std::string_view document, std::size_t* dropped) {
  // Source lines with their one-based numbers. Past max_blank_run, the
  // blank lines of a run are not kept: no reader looks that far across
  // blanks, and a document of nothing but newlines would otherwise cost a
  // Line (over 100 bytes) per byte.
  struct Raw {
    std::string_view text;
    std::size_t number;
  };
  constexpr std::size_t max_blank_run = 8;
  const auto blank_raw = [](std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; };
  std::vector<Raw> raw;
  std::size_t start = 0;
  std::size_t number = 0;
  std::size_t blank_run = 0;
  std::size_t skipped = 0;
  bool skipped_last = false;
  bool final_empty = false;
  for (std::size_t i = 0; i <= document.size(); ++i) {
    if (i == document.size() || document[i] == '\n' || document[i] == '\r') {
      const std::string_view s = document.substr(start, i - start);
      if (i == document.size()) final_empty = s.empty();
      ++number;
      blank_run = blank_raw(s) ? blank_run + 1 : 0;
      skipped_last = blank_run > max_blank_run;
      if (skipped_last) ++skipped;
      else raw.push_back(Raw{s, number});
      if (i + 1 < document.size() && document[i] == '\r' && document[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  // The empty piece after a final newline is not a line.
  if (final_empty) {
    if (skipped_last) --skipped;
    else raw.pop_back();
  }
  if (dropped) *dropped = skipped;

  std::vector<Line> lines;
  lines.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    // A bold span broken over lines ("**Regionstyrelsens hälso- och  \n
    // sjukvårdsutskott**") is one heading: join up to three lines.
    std::size_t last = i;
    if (count_bold(raw[i].text) % 2 == 1) {
      std::size_t j = i + 1;
      std::size_t bold = count_bold(raw[i].text);
      while (j < raw.size() && j <= i + 3 && !trim(raw[j].text).empty()) {
        bold += count_bold(raw[j].text);
        if (bold % 2 == 0) {
          last = j;
          break;
        }
        ++j;
      }
    }
    if (last == i) {
      lines.push_back(clean(raw[i].text, raw[i].number, raw[i].number));
    } else {
      std::string joined;
      for (std::size_t k = i; k <= last; ++k) {
        if (k > i) joined += ' ';
        auto part = trim(raw[k].text);
        while (!part.empty() && part.back() == '\\') part.remove_suffix(1);
        joined += part;
      }
      lines.push_back(clean(joined, raw[i].number, raw[last].number));
      i = last;
    }
  }
  remove_furniture(lines);
  join_hyphenated(lines);
  return lines;
}

SplitText split_text(std::string_view document) {
  SplitText out;
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

void remove_furniture(std::vector<Line>& lines) {
  std::vector<bool> furniture(lines.size(), false);
  std::vector<bool> paged(lines.size(), false);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    Line& l = lines[k];
    if (l.blank()) continue;
    const std::size_t tab = l.text.rfind('\t');
    if (tab != std::string::npos && is_page_number_line(l.low)) {
      // "Vård- och omsorgsnämnden\tSammanträdesdatum 2024-02-27\tSida 1(5)":
      // the page number goes, the header stays for what it says.
      l.text.erase(tab);
      while (!l.text.empty() && l.text.back() == '\t') l.text.pop_back();
      l.low = lower(l.text);
      paged[k] = true;
      if (l.text.empty()) furniture[k] = true;
    } else if (is_page_number_line(l.low) || is_page_stamp(l.low)) {
      furniture[k] = true;
      paged[k] = true;
    }
  }
  // Lines that repeat identically: a header or footer printed on every page.
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (!lines[k].blank() && !furniture[k] && lines[k].text.size() <= 120) ++seen[lines[k].low];
  std::unordered_map<std::string_view, bool> first_kept;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const Line& l = lines[k];
    if (l.blank() || furniture[k] || l.text.size() > 120) continue;
    const auto found = seen.find(l.low);
    if (found == seen.end() || found->second < 2) continue;
    const bool columns = l.text.find('\t') != std::string::npos || l.text.find(" | ") != std::string::npos;
    bool near_page = paged[k];
    for (std::size_t j = k > 2 ? k - 2 : 0; j < lines.size() && j <= k + 2; ++j)
      if (j != k && paged[j]) near_page = true;
    // Dated and in columns ("Region X | Mötesanteckningar | 2024-03-14"),
    // or next to a page number: a running header; its first showing is the
    // record's own heading and stays.
    if ((has_date(l.low) && columns) || near_page) {
      if (first_kept.emplace(l.low, true).second) continue;
      furniture[k] = true;
    }
  }
  // The lines kept are moved down in place (lines[0, kept) so far): a
  // second vector of them would double the peak memory on a long document.
  std::size_t kept = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!furniture[k]) {
      if (kept != k) lines[kept] = std::move(lines[k]);
      ++kept;
      continue;
    }
    // Furniture inside a sentence ("... ca 1,9 mnkr per" / footer / "år.")
    // takes the blank lines around it along: the sentence goes on.
    std::size_t prev = kept;
    while (prev > 0 && lines[prev - 1].blank()) --prev;
    std::size_t next = k + 1;
    while (next < lines.size() && (lines[next].blank() || furniture[next])) ++next;
    if (prev > 0 && next < lines.size() && !ends_sentence_text(lines[prev - 1].text) &&
        starts_lower(lines[next].text) && !lines[prev - 1].heading && !lines[next].bullet) {
      kept = prev;
      for (std::size_t j = k + 1; j < next; ++j) furniture[j] = true;  // the blanks after it
    }
  }
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(kept), lines.end());
}

void join_hyphenated(std::vector<Line>& lines) {
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    Line& l = lines[k];
    Line& n = lines[k + 1];
    if (l.text.size() < 3 || l.text.back() != '-' || n.blank() || n.bullet || l.heading) continue;
    // The word before the dash: letters only, at least two of them.
    const std::size_t space = l.text.find_last_of(" \t");
    const std::string_view head =
        std::string_view(l.text).substr(space == std::string::npos ? 0 : space + 1, l.text.size() - 1 - (space == std::string::npos ? 0 : space + 1));
    if (head.size() < 2 || !starts_lower(n.text)) continue;
    bool letters = true;
    for (char c : head)
      if (is_digit(c) || c == '-' || c == '/' || c == '(' || c == '"') letters = false;
    if (!letters || all_caps(head)) continue;
    const std::size_t end = n.text.find_first_of(" \t");
    const std::string word = n.text.substr(0, end);
    // "hälso- och sjukvård": the dash stands for a shared last part.
    if (is_compound_continuation(lower(strip_punct(word))) || word.find('/') != std::string::npos) continue;
    l.text.pop_back();
    l.text += word;
    n.text = end == std::string::npos ? std::string() : std::string(trim(std::string_view(n.text).substr(end)));
    l.low = lower(l.text);
    n.low = lower(n.text);
    l.last = std::max(l.last, n.first);
  }
}

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
