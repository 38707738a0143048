// The minutes parser's view of a document: cleaned lines with what the
// layout said about them (heading, bullet), and the source line span each
// came from. Internal to the library.
#pragma once

#include <samverkan/version.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

class Lines;

/// One cleaned line: a view of its text, and of its lower-cased form right
/// after it (or the text itself when it has no capitals), in the buffer of
/// the Lines it belongs to or of a ProbeLine; plus what the layout said
/// about it. 32 bytes and no allocation of its own: a document of ten
/// million short lines must not cost a gigabyte.
class Line {
  // Declared first so that the record packs into 32 bytes.
  friend class Lines;
  friend struct ProbeLine;
  const char* text_ = "";
  std::uint32_t len_ = 0;
  /// 1 + the index of this row's cells in its Lines, or 0 (no cells).
  std::uint32_t cells_ = 0;

 public:
  /// One-based source lines; several when a bold span was broken across
  /// lines. Numbers past 2^32 - 1 are held as that.
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  /// Leading white space of the source line, in columns (a tab counts 8),
  /// at most 65535: a protocol's value column continues on indented lines.
  std::uint16_t indent = 0;
  /// A Markdown heading, or a line that was bold from end to end.
  bool heading : 1 = false;
  bool bullet : 1 = false;
  /// A horizontal rule or page furniture; carries no text.
  bool rule : 1 = false;

 private:
  /// low() follows text() in the buffer; otherwise it is text().
  bool own_low_ : 1 = false;

 public:
  /// Markdown markers, bullets and link targets removed; spaces collapsed;
  /// columns (tabs, or runs of three or more spaces) kept as single tabs.
  std::string_view text() const noexcept { return {text_, len_}; }
  /// text(), lower-cased byte for byte (offsets agree).
  std::string_view low() const noexcept { return {own_low_ ? text_ + len_ : text_, len_}; }
  bool blank() const noexcept { return len_ == 0; }
  /// The line keeps its place and flags but no text.
  void clear() noexcept {
    len_ = 0;
    own_low_ = false;
  }
};

/// A line over a text of its own: what the readers pass to read_label for
/// a cell or a part of a line. Neither copied nor moved, since the line
/// views the buffer it holds.
struct ProbeLine {
  explicit ProbeLine(std::string_view text);
  ProbeLine(const ProbeLine&) = delete;
  ProbeLine& operator=(const ProbeLine&) = delete;
  std::string_view text() const noexcept { return line.text(); }
  std::string_view low() const noexcept { return line.low(); }
  std::string buffer;
  Line line;
};

/// A document's lines and the text they view: the lines stage writes every
/// cleaned line's text, and its lower-cased form when that differs, into
/// one buffer sized for the document once; text a later stage rewrites
/// (a label joined to its value, a hyphenated word made whole) is appended
/// to blocks of its own, so no view is ever moved or overwritten. Copies
/// share that text (the minutes and agreement readers of one file read the
/// same lines) and may each rewrite their own lines. Not for concurrent use.
class Lines {
 public:
  using iterator = std::vector<Line>::iterator;
  using const_iterator = std::vector<Line>::const_iterator;

  Lines();

  std::size_t size() const noexcept { return lines_.size(); }
  bool empty() const noexcept { return lines_.empty(); }
  Line& operator[](std::size_t k) noexcept { return lines_[k]; }
  const Line& operator[](std::size_t k) const noexcept { return lines_[k]; }
  Line& front() noexcept { return lines_.front(); }
  const Line& front() const noexcept { return lines_.front(); }
  Line& back() noexcept { return lines_.back(); }
  const Line& back() const noexcept { return lines_.back(); }
  iterator begin() noexcept { return lines_.begin(); }
  iterator end() noexcept { return lines_.end(); }
  const_iterator begin() const noexcept { return lines_.begin(); }
  const_iterator end() const noexcept { return lines_.end(); }
  void reserve(std::size_t n) { lines_.reserve(n); }
  /// Lines of this Lines (or of a copy of it) only: their text lives here.
  void push_back(const Line& l) { lines_.push_back(l); }
  template <class It>
  iterator insert(const_iterator at, It first, It last) {
    return lines_.insert(at, first, last);
  }
  iterator erase(const_iterator first, const_iterator last) { return lines_.erase(first, last); }
  iterator erase(const_iterator at) { return lines_.erase(at); }

  /// Appends a line of `text` (its lower-cased form made here), numbered
  /// first..last, and returns it.
  Line& add(std::string_view text, std::size_t first, std::size_t last);
  /// Points `l` at a copy of `text` and of its lower-cased form.
  void set_text(Line& l, std::string_view text);
  /// Keeps l.text()[pos, pos + n) and the same bytes of l.low(): a copy
  /// only when the line has capitals.
  void narrow(Line& l, std::size_t pos, std::size_t n = std::string_view::npos);
  /// A line of this document with another text: `l` with text() = `text`.
  Line with_text(const Line& l, std::string_view text);

  /// A table row's cells read from a .docx or PDF, empty ones included
  /// (text() holds the non-empty ones between tabs); empty for other lines.
  const std::vector<std::string>& cells(const Line& l) const noexcept;
  void set_cells(Line& l, std::vector<std::string> cells);

  /// The lines stage's writing: reserves room for `bytes` of cleaned text
  /// and as much lower-cased, then appends one line's text at a time.
  void reserve_text(std::size_t bytes);
  Line& append(std::string_view text, std::uint32_t first, std::uint32_t last);

  /// Bytes of text held (both cases, rewritten text included), for tests
  /// and the memory figures.
  std::size_t text_bytes() const noexcept;

 private:
  struct Store;
  void store(Line& l, std::string_view text);
  std::vector<Line> lines_;
  std::shared_ptr<Store> store_;
};

/// Splits and cleans a document. Never throws on content. Blank lines past
/// the eighth of a run are not kept (the kept lines keep their source
/// numbers); `dropped`, when given, receives how many.
Lines split_lines(std::string_view document, std::size_t* dropped = nullptr);

/// Page furniture goes: page numbers ("Sida 3 av 7", "3 (7)", "– 3 –"),
/// template stamps ("Justerandes sign", "Utdragsbestyrkande"), and running
/// headers and footers (a line repeated identically that is dated and in
/// columns, or stands next to a page number). The lines kept keep their
/// source line numbers. Furniture inside a sentence takes the blank lines
/// around it along, so the sentence reads on. Part of split_lines.
void remove_furniture(Lines& lines);

/// Minutes pasted into an e-mail: the mail program's header lines ("Från:",
/// "Skickat:", "Till:", "Ämne:" ...) go, and so do the message's own words
/// before the record when a rule or the record's heading follows them;
/// without either, the subject stays as the record's title line. Part of
/// split_lines.
void remove_envelope(Lines& lines);

/// A word broken at a line end ("utskriv-" / "ningsklara") is joined onto
/// the first line; a dash that stands for a shared last part ("hälso- och",
/// "Hälso-/sjukvård") stays. Part of split_lines.
void join_hyphenated(Lines& lines);

/// How a document's bytes were made into UTF-8.
enum class Encoding { utf8, windows1252, repaired };

/// The document as valid UTF-8: unchanged when it is; read as Windows-1252
/// (what Swedish documents saved by older Word and Excel are) when it has no
/// valid multi-byte sequence at all; otherwise with each invalid byte
/// replaced by U+FFFD. `replaced` counts the bytes replaced.
std::string to_utf8(std::string_view document, Encoding& encoding, std::size_t& replaced);

/// A text document as both readers of a text file start from: decoded,
/// split and cleaned once (parse_file_all shares it between them).
struct SplitText {
  Lines lines;
  /// Blank lines not kept (see split_lines).
  std::size_t dropped = 0;
  Encoding encoding = Encoding::utf8;
  std::size_t replaced = 0;
};

/// to_utf8, then split_lines.
SplitText split_text(std::string_view document);

}  // namespace import::detail

namespace import {
struct ParsedMinutes;
struct ParsedDocuments;
struct ParseOptions;
namespace detail {
/// parse_minutes() on a text already split.
ParsedMinutes parse_split(SplitText text, std::string document, const ParseOptions& options);
/// parse_documents() on a text's lines already split.
ParsedDocuments parse_documents_lines(detail::Lines lines, std::string document, const ParseOptions& options,
                                      const ParsedMinutes* minutes);
/// The minutes parser on lines a reader made (document.cpp): parse_minutes()
/// without the splitting and the encoding check.
ParsedMinutes parse_lines(detail::Lines lines, std::string document, const ParseOptions& options);
}  // namespace detail
}  // namespace import
SAMVERKAN_END_NAMESPACE
