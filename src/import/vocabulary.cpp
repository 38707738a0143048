#include "vocabulary.hpp"

#include <array>
#include <cstddef>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

namespace {

constexpr std::string_view npos_view{};

std::string_view trim_view(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
  return s;
}

bool digits(std::string_view s) noexcept {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool contains(std::string_view low, std::string_view what) noexcept { return low.find(what) != std::string_view::npos; }

// Dashes a page number is framed with: '-', en dash, em dash.
std::string_view strip_dash(std::string_view s) noexcept {
  s = trim_view(s);
  if (s.starts_with("-")) s.remove_prefix(1);
  else if (s.starts_with("\xE2\x80\x93") || s.starts_with("\xE2\x80\x94")) s.remove_prefix(3);
  return trim_view(s);
}
std::string_view strip_dash_end(std::string_view s) noexcept {
  s = trim_view(s);
  if (s.ends_with("-")) s.remove_suffix(1);
  else if (s.ends_with("\xE2\x80\x93") || s.ends_with("\xE2\x80\x94")) s.remove_suffix(3);
  return trim_view(s);
}

// "3 av 7", "3 of 7", "3 (7)", "3(7)", "3/7", "3".
bool page_number(std::string_view s) noexcept {
  s = trim_view(s);
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (!digits(s.substr(0, i))) return false;
  std::string_view rest = trim_view(s.substr(i));
  if (rest.empty()) return true;
  for (std::string_view sep : {"av ", "of ", "/"}) {
    if (rest.starts_with(sep)) return digits(trim_view(rest.substr(sep.size())));
  }
  if (rest.starts_with("(") && rest.ends_with(")")) return digits(trim_view(rest.substr(1, rest.size() - 2)));
  return false;
}

}  // namespace

std::string_view party_mark(std::string_view mark) noexcept {
  static constexpr std::array<std::string_view, 12> parties{"S", "M", "SD", "C", "V", "KD", "L", "MP", "FP", "FI", "Fi", "NYD"};
  mark = trim_view(mark);
  for (auto p : parties)
    if (mark == p) return mark;
  return npos_view;
}

bool is_page_number_line(std::string_view low) noexcept {
  std::string_view s = trim_view(low);
  if (s.empty()) return false;
  // A header or footer ending in a page number after a column gap.
  if (const std::size_t tab = s.rfind('\t'); tab != std::string_view::npos) {
    const std::string_view last = trim_view(s.substr(tab + 1));
    return is_page_number_line(last) && !digits(trim_view(last));
  }
  for (std::string_view word : {"sida ", "sid ", "s. ", "blad ", "page "}) {
    if (s.starts_with(word)) return page_number(s.substr(word.size()));
  }
  // "– 3 –", "- 3 -"
  const std::string_view framed = strip_dash_end(strip_dash(s));
  if (framed.size() < s.size() && digits(framed)) return true;
  // "3 (7)", "3/7", "3 av 7": a bare number alone is not furniture (it may be an item number).
  return !digits(s) && page_number(s) && (contains(s, "(") || contains(s, "/") || contains(s, " av "));
}

bool is_page_stamp(std::string_view low) noexcept {
  const std::string_view s = trim_view(low);
  // "Utdragsbestyrkande" alone is a label with the certifier's name under
  // it; beside the signature boxes it is part of the stamp.
  for (std::string_view stamp : {"justerandes sign", "justerandes signatur", "justerares sign", "ordförandes sign",
                                 "sekreterarens sign"}) {
    if (s.starts_with(stamp)) {
      // Only stamps, separated by columns: "Ordförandes sign\tJusterares sign\tUtdragsbestyrkande".
      for (char c : s)
        if (c == '.' || c == ':') return false;
      return s.size() < 120;
    }
  }
  return false;
}

bool is_procedural_decision(std::string_view low) noexcept {
  for (std::string_view w : {"dagordning", "föredragningslista", "att justera", "justerare", "justeras", "justerad",
                             "mötet öppnat", "sammanträdet öppnat"}) {
    if (contains(low, w)) return true;
  }
  const bool record = contains(low, "anteckningar") || contains(low, "protokollet") || contains(low, "protokoll från");
  const bool filed = contains(low, "till handlingarna") || contains(low, "godkänn") || contains(low, "läggs") ||
                     contains(low, "lades") || contains(low, "fastställ");
  return record && filed && !contains(low, "protokollsanteckning");
}

bool is_compound_continuation(std::string_view low_word) noexcept {
  for (std::string_view w : {"och", "eller", "samt", "resp.", "respektive", "till", "som", "&"}) {
    if (low_word == w) return true;
  }
  return false;
}

std::string_view case_number_value(std::string_view text) noexcept {
  std::string_view s = trim_view(text);
  for (std::string_view label : {"diarienummer", "diarienr", "dnr", "ärendenummer", "ärendenr"}) {
    if (s.size() <= label.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < label.size() && same; ++i) {
      char c = s[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == label[i];
    }
    // "Ärende" is two bytes in UTF-8 lower and upper; compare the rest only.
    if (!same && label.starts_with("\xC3\xA4") && s.size() > 2 && s.substr(0, 2) == "\xC3\x84")
      same = s.substr(2, label.size() - 2) == label.substr(2);
    if (!same) continue;
    std::string_view rest = s.substr(label.size());
    if (rest.front() != ' ' && rest.front() != '.' && rest.front() != ':') continue;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '.' || rest.front() == ':')) rest.remove_prefix(1);
    if (!rest.empty()) return rest;
  }
  return s;
}

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
