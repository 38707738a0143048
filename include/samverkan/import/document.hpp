// Documents as strategists receive them: Word (.docx) and PDF files, read
// with their structure, before the minutes importer reads their text.
//
// A reader decodes a file into a Document: paragraphs with their style
// (heading level, list item and its number) and table rows with their
// cells, each with its place in the original (page and line of a PDF,
// paragraph or table cell of a .docx). parse_document() then reads the
// Document as parse_minutes() reads text, with table cells kept as cells,
// and maps every line span back to those places (ParsedMinutes::locations).
//
// The .docx reader is part of the library. The PDF reader links Poppler
// (GPL) and lives in the optional target samverkan::pdf
// (<samverkan/import/pdf.hpp>); a program that links it registers it with
// register_reader(), after which import_file() reads PDFs too.
#pragma once

#include <samverkan/import/minutes.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace import {

/// What a file holds, told by its first bytes rather than its name.
enum class FileFormat {
  /// Plain text or Markdown (anything that is not one of the others).
  text,
  /// A Word document: a zip package holding word/document.xml.
  docx,
  /// "%PDF-" within the first kilobyte.
  pdf,
  /// A zip package that is not a Word document (.xlsx, .odt, a plain zip).
  other_zip,
  /// A binary format the importer does not read (an image, an old .doc,
  /// an executable): bytes that are neither text nor one of the above.
  binary,
};

/// "text", "docx", "pdf", "zip", "binary".
std::string_view to_string(FileFormat format) noexcept;

/// The format of a file from its content. A zip package counts as .docx
/// when its central directory names word/document.xml.
FileFormat detect_format(std::string_view bytes) noexcept;

/// Where a piece of a decoded document stands in the original. Fields that
/// do not apply are 0.
struct SourceLocation {
  /// PDF: one-based page, and line on that page counted from its top
  /// (page headers included, so it matches what a reader counts).
  std::size_t page = 0;
  std::size_t line = 0;
  /// .docx: one-based paragraph of the body, counting paragraphs inside
  /// tables too, in reading order.
  std::size_t paragraph = 0;
  /// .docx and PDF: one-based table, row and cell (cell 0: the whole row).
  std::size_t table = 0;
  std::size_t row = 0;
  std::size_t cell = 0;

  /// "page 3, line 12", "paragraph 14", "table 2, row 3, cell 1"; empty
  /// when nothing is known.
  std::string str() const;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// One cell of a table row. A cell merged across columns (gridSpan) is
/// read once, followed by empty cells (merged) for the columns it covers, so
/// the row's cells stay under their column headings. A cell merged down rows
/// (vMerge) holds for every row it spans ("Region X" beside three names
/// counts for each): the rows below repeat its text, marked merged.
struct Cell {
  std::string text;
  /// Covered by a merged cell to its left or above.
  bool merged = false;
  SourceLocation location;
  friend bool operator==(const Cell&, const Cell&) = default;
};

/// A paragraph, or a row of a table.
struct Block {
  enum class Kind { paragraph, table_row };
  Kind kind = Kind::paragraph;
  /// A paragraph's text; line breaks inside it (w:br, a PDF's lines) are '\n'.
  std::string text;
  /// 1-9 for a heading (its outline level), 0 for body text.
  int heading = 0;
  /// A list item: its depth from 1 and its label as numbered ("3.", "b)",
  /// empty for a bullet). 0 for a paragraph outside any list.
  int list_level = 0;
  std::string list_label;
  /// The cells of a table row.
  std::vector<Cell> cells;
  /// Where the block starts; for a PDF paragraph, one location per line of text.
  SourceLocation location;
  std::vector<SourceLocation> line_locations;
  friend bool operator==(const Block&, const Block&) = default;
};

/// A decoded document.
struct Document {
  /// The file's name, for provenance and warnings.
  std::string name;
  FileFormat format = FileFormat::text;
  std::vector<Block> blocks;
  /// PDF: pages read.
  std::size_t pages = 0;
  /// What the reader could not read (a table cut short, a page without text).
  std::vector<Warning> warnings;
};

/// Bounds a reader keeps to, whatever the file claims.
struct ReadLimits {
  /// Largest file accepted.
  std::size_t max_file_bytes = 256u << 20;
  /// Largest part of a .docx package unpacked (word/document.xml,
  /// styles.xml, numbering.xml); a zip bomb stops here.
  std::size_t max_part_bytes = 64u << 20;
  /// Deepest element nesting followed inside a .docx part; deeper content
  /// is left out with a warning.
  std::size_t max_depth = 64;
  /// Pages of a PDF read; the rest are left out with a warning.
  std::size_t max_pages = 5000;
};

/// Reads a Word document (.docx, WordprocessingML in a zip package).
/// Throws io_error naming `name` for a package that is damaged, encrypted,
/// too large to unpack, or not a Word document.
Document read_docx(std::string_view bytes, std::string name, const ReadLimits& limits = {});

/// A reader for a format the library itself does not read (PDF, from
/// samverkan::pdf). Throws io_error for a file it cannot read.
using DocumentReader = Document (*)(std::string_view bytes, std::string name, const ReadLimits& limits);

/// Installs the reader of `format` for import_file() and read_document();
/// nullptr removes it. Thread-safe; call it once at start-up.
void register_reader(FileFormat format, DocumentReader reader) noexcept;

/// Whether a reader of `format` is available (text and docx always are).
bool can_read(FileFormat format) noexcept;

/// Decodes a file of any readable format: text becomes one paragraph per
/// line. Throws io_error naming the file for a format without a reader
/// ("PDF support is not built in") or one that cannot be read.
Document read_document(std::string_view bytes, std::string name, const ReadLimits& limits = {});

/// The document as the lines the minutes parser reads: headings as
/// Markdown headings, list items with their label, table rows as
/// tab-separated cells, a blank line between paragraphs. Line k of the
/// result (one-based) is at locations[k - 1] in the original.
std::string to_text(const Document& document, std::vector<SourceLocation>* locations = nullptr);

/// Reads a decoded document as parse_minutes() reads text, with each table
/// row's cells kept as cells (empty ones too) and ParsedMinutes::locations
/// filled, so that a provenance's lines can be found in the original
/// (locate()). The reader's warnings come first in the result's warnings.
ParsedMinutes parse_document(const Document& document, const ParseOptions& options = {});

/// Reads a file of any readable format, told by its content, and parses
/// it: parse_minutes() for text, parse_document() for the others. Throws
/// io_error naming the file when it cannot be read (see read_document()),
/// and for a PDF without text (a scan): nothing would be imported from it.
ParsedMinutes parse_file(const std::filesystem::path& path, const ParseOptions& options = {});

/// Where lines first..last of a parsed document are in its original:
/// "page 3, line 12 – page 4, line 2", "table 1, row 4, cell 2". Empty for
/// a text document.
std::string locate(const ParsedMinutes& minutes, std::size_t first_line, std::size_t last_line);

}  // namespace import
SAMVERKAN_END_NAMESPACE
