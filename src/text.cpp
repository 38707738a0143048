#include <samverkan/core/text.hpp>

#include <cstddef>

SAMVERKAN_BEGIN_NAMESPACE

namespace {

bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

unsigned char byte_at(std::string_view text, std::size_t i) noexcept {
  return static_cast<unsigned char>(text[i]);
}

// Length in bytes of the white space starting at `i`, 0 if none. Documents
// converted from PDF and Word are full of no-break and thin spaces that look
// like ordinary spaces to a reader, so they must compare as spaces too.
std::size_t space_length(std::string_view text, std::size_t i) noexcept {
  if (is_ascii_space(text[i])) return 1;
  const std::size_t left = text.size() - i;
  if (left >= 2 && byte_at(text, i) == 0xC2 && byte_at(text, i + 1) == 0xA0) return 2;  // U+00A0
  if (left >= 3 && byte_at(text, i) == 0xE2 && byte_at(text, i + 1) == 0x80 &&
      (byte_at(text, i + 2) == 0x89 || byte_at(text, i + 2) == 0xAF))  // U+2009, U+202F
    return 3;
  return 0;
}

// Byte length of the UTF-8 sequence a lead byte announces. Stray continuation
// bytes and invalid leads count as one byte so that malformed input still
// advances.
std::size_t sequence_length(unsigned char lead) noexcept {
  if (lead >= 0xF0 && lead <= 0xF7) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

// ASCII spelling of a Latin-1 supplement letter (the second byte after 0xC3),
// or nullptr for the two symbols in that block (× and ÷), which separate words.
const char* latin1_ascii(unsigned char second) noexcept {
  // Indexed by second - 0x80; upper and lower case share one spelling because
  // slugs are lower case.
  static constexpr const char* table[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",       // C3 80–8F
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // C3 90–9F
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",       // C3 A0–AF
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",   // C3 B0–BF
  };
  if (second < 0x80 || second > 0xBF) return nullptr;
  return table[second - 0x80];
}

}  // namespace

std::string_view trim(std::string_view text) noexcept {
  std::size_t first = 0;
  std::size_t last = text.size();
  while (first < last && is_ascii_space(text[first])) ++first;
  while (last > first && is_ascii_space(text[last - 1])) --last;
  return text.substr(first, last - first);
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t n = space_length(text, i)) {
      // Deferred so that leading and trailing runs vanish and inner runs
      // become exactly one space.
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
      ++i;
    } else if (byte_at(text, i) == 0xC3 && i + 1 < text.size() && byte_at(text, i + 1) >= 0x80 &&
               byte_at(text, i + 1) <= 0x9E && byte_at(text, i + 1) != 0x97) {
      // Latin-1 capitals À..Þ sit exactly 0x20 below their small letters in
      // the second byte; 0x97 is the multiplication sign, not a letter.
      out += text[i];
      out += static_cast<char>(byte_at(text, i + 1) + 0x20);
      i += 2;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

std::string slug(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_dash = false;
  const auto append = [&](std::string_view piece) {
    if (pending_dash && !out.empty()) out += '-';
    pending_dash = false;
    out += piece;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      append(std::string_view(&text[i], 1));
      ++i;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      const char lower = static_cast<char>(c - 'A' + 'a');
      append(std::string_view(&lower, 1));
      ++i;
      continue;
    }
    if (byte_at(text, i) == 0xC3 && i + 1 < text.size()) {
      if (const char* ascii = latin1_ascii(byte_at(text, i + 1))) {
        append(ascii);
        i += 2;
        continue;
      }
    }
    // Anything else (punctuation, space, letters we cannot spell in ASCII)
    // separates words.
    pending_dash = true;
    // Only real continuation bytes are skipped, so a truncated sequence does
    // not swallow the ASCII letter after it.
    const std::size_t length = sequence_length(byte_at(text, i));
    std::size_t n = 1;
    while (n < length && i + n < text.size() && (byte_at(text, i + n) & 0xC0) == 0x80) ++n;
    i += n;
  }
  return out;
}

SAMVERKAN_END_NAMESPACE
