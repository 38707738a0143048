// The classify stage of the importer: what each cleaned line is (a label
// and its value, an item number, a list entry, a row of table cells, a
// heading, a signature line, running text), from its own words and its
// neighbours' layout, before any reader decides what it means. Internal to
// the library.
#pragma once

#include "lines.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

/// What a label at the start of a line introduces: a word or phrase, then
/// ':' and a value, or alone on the line with the value on the lines after.
enum class LabelKind {
  none,
  ignored,
  signatures,
  kind,
  date,
  time,
  date_time,
  place,
  form,
  place_form,
  body,
  present,
  invited,
  absent,
  excused,
  substitutes,
  coopted,
  guests,
  chair,
  vice_chair,
  secretary,
  writer,
  adjusters,
  adjusted,
  certifier,
  presenter,
  purpose,
  decision,
  position,
  proposal,
  attachments,
  sent_to,
  case_number,
  escalations,
  next_meeting,
  agenda,
  section,
  assignment,
  responsible,
};


/// A label read from a line.
struct Label {
  LabelKind kind = LabelKind::none;
  std::string value;  // after the label, trimmed of space and punctuation; may be empty
  std::string raw;    // after the label, only trimmed: a decision keeps its full stop
  bool colon = false;
};

/// A label that heads an item of its own when it stands alone as a heading
/// ("Nästa möte" over "Nästa möte hålls ..."); the same rule for the outline
/// and the parser.
bool heads_an_item(const Label& label);

/// "Adjungerade under punkt 4: Anna Berg", "Gäst (punkt IV)": a label of a
/// list of people with a qualifier between the label word and its value.
Label qualified_list_label(const Line& line);

/// The label a line starts with ("Datum: 2024-03-14", "Närvarande",
/// "Justerat 2019-10-09"); kind none when it starts with none.
Label read_label(const Line& line);

/// Page furniture a converter leaves on a line of its own: a rule, a page
/// number, a signature stamp ("Justerandes sign").
bool is_noise(const Line& line);

/// The cells of a line whose columns the lines stage kept as tabs, trimmed.
std::vector<std::string> cells(std::string_view text);

/// An agenda item's number as a line writes it.
struct ItemNumber {
  std::string number;  // as the model keeps it: "4", "18a", "§182"
  std::string title;   // rest of the line
  int value = 0;       // numeric part, for ordering
  char letter = 0;
};

/// "§182", "§ 12 Budget": a protocol's paragraph number.
std::optional<ItemNumber> paragraph_number(const Line& line);

/// "4.", "18a.", "4. Budget", "4) Budget", "Punkt 4: Budget", "Ärende 4 Budget".
/// `loose`: the line stands alone in a record that numbers its items without
/// punctuation, so "4 Budget" and "1 a Val av justerare" are items too.
std::optional<ItemNumber> numbered_item(const Line& line, bool loose = false);

/// How a record numbers its items.
enum class ItemStyle { paragraphs, numbered, headings };

/// What one line is, for the outline and the readers.
enum class LineKind {
  blank,        // empty, or furniture
  label,        // "Datum: ...", "Närvarande"
  item_number,  // an item starts here ("4. Budget", "§ 12", or a heading in a heading-numbered record)
  list_entry,   // a bullet
  table_row,    // two or more cells
  heading,      // a Markdown, bold or ALL-CAPS heading that is neither label nor item
  signature,    // the closing block's labels: writer, adjusters, signatures, adjustment
  text,         // anything else
};

/// One classified line; `line` indexes the lines classified.
struct ClassifiedLine {
  LineKind kind = LineKind::text;
  Label label;                      // when kind is label or signature
  std::optional<ItemNumber> item;   // when kind is item_number (numbered styles)
  std::size_t cells = 0;            // cells of a table row
  bool caps = false;                // every letter a capital: a heading in a converted document
};

/// The lines classified, and what the whole record says about its layout.
struct Classified {
  std::vector<ClassifiedLine> lines;  // one per input line
  ItemStyle style = ItemStyle::headings;
  /// Items numbered without punctuation ("3 Kartläggning"), each on a line alone.
  bool loose_numbers = false;
  /// The record marks its headings (Markdown or bold): unmarked short lines are text.
  bool headings_marked = false;
};

/// The line's sentence goes on on the next line: it is not a heading.
bool goes_on_below(const Line& line, const Line& next);

/// A line after a blank line (or at the top), not a sentence, not going on
/// in lower case on the next line: where an unpunctuated item number may stand.
bool stands_alone(const Lines& lines, std::size_t k);

/// Joins an item title broken over lines ("1. MÖTETS ÖPPNANDE OCH VAL AV" /
/// "   JUSTERARE") onto its first line, so that the rest of the title is not
/// read as a label or a line of text. Run before classify().
void join_title_continuations(Lines& lines);

/// Classifies every line. Never throws on content; linear in the lines.
Classified classify(const Lines& lines);

/// What the whole record says about its layout (style, loose numbers,
/// marked headings), without the per-line classification: what the parser
/// needs, at no cost per line in memory.
Classified classify_layout(const Lines& lines);

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
