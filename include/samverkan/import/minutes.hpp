// Reading meeting minutes and protocols written as plain text or Markdown
// (usually converted from PDF or Word) into the model.
//
// Import is two steps, so that each can be checked on its own:
//   1. parse_minutes() reads one document into a ParsedMinutes: names are
//      still the strings the document wrote, every fact carries the line
//      span it was read from, and what could not be read is a warning.
//   2. add_to_corpus() resolves those names against a corpus (aliases,
//      acronyms, people met before), creating what is unknown, and adds the
//      meeting and its action items.
// import_minutes() does both.
#pragma once

#include <samverkan/core/date.hpp>
#include <samverkan/core/ids.hpp>
#include <samverkan/core/money.hpp>
#include <samverkan/core/record.hpp>
#include <samverkan/model/meeting.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

class Corpus;

namespace import {

/// Something the parser saw but could not read, or read with a guess worth
/// checking. The rest of the document is still read.
struct Warning {
  std::string document;
  /// One-based line; 0 when the warning is about the whole document.
  std::size_t line = 0;
  std::string message;
  /// The line as written (trimmed), so the warning can be read without the file.
  std::string text;
  /// For a PDF or Word document, where `line` is in the original ("page 3,
  /// line 12", "table 1, row 4, cell 2"); `line` counts the decoded text's lines.
  std::string location;

  /// "minutes.txt:12: message: «text»"; "protokoll.pdf:40 (page 3, line 12): ...".
  std::string str() const;
  friend bool operator==(const Warning&, const Warning&) = default;
};

/// One person named in the attendance part, as written.
struct ParsedAttendee {
  std::string name;
  /// The organisation written beside the name, or the group heading it was
  /// listed under when that heading names an organisation.
  std::string organisation;
  /// A heading it was listed under that is a side or area, not an
  /// organisation ("Region", "Kommun", "Ledamöter").
  std::string group;
  /// A job title written beside the name ("hälso- och sjukvårdsstrateg").
  std::string title;
  AttendanceStatus status = AttendanceStatus::present;
  std::vector<MeetingRole> roles;
  std::vector<std::string> coopted_for_items;
  /// The member this one stands in for, as written.
  std::string substitute_for;
  /// The political party of a member, the letters of its mark ("(S)" -> "S").
  std::string party;
  /// Status or role marks as written ("förhindrad", "deltar på distans").
  std::string note;
  Provenance provenance;
  friend bool operator==(const ParsedAttendee&, const ParsedAttendee&) = default;
};

/// A member's dissent from a decision ("X (V) reserverar sig mot beslutet"),
/// one per member: "A (S) och B (S) reserverar sig" gives two, and
/// "Ledamöterna för SD reserverar sig" one for each serving member of the
/// party.
struct ParsedReservation {
  /// The member as written, without the party mark.
  std::string name;
  /// The party mark written beside the name, or the party the reservation
  /// was entered for ("SD").
  std::string party;
  /// The sentence as written ("... till förmån för eget förslag").
  std::string text;
  Provenance provenance;
  friend bool operator==(const ParsedReservation&, const ParsedReservation&) = default;
};

/// One member's vote in a roll call ("Ja: Anna Berg (M), Per Ek (M)").
struct ParsedVoteCast {
  std::string name;
  VoteOption option = VoteOption::yes;
  friend bool operator==(const ParsedVoteCast&, const ParsedVoteCast&) = default;
};

/// A vote ("Omröstning"): the counts as recorded ("Med 9 ja-röster mot 4
/// nej-röster och 2 som avstår") and, where the record names them, each
/// member's vote. Counts not written are counted from the roll call.
struct ParsedVote {
  /// What was voted on ("Ja-röst för förvaltningens förslag, nej-röst för ...").
  std::string question;
  std::uint32_t yes = 0;
  std::uint32_t no = 0;
  std::uint32_t abstain = 0;
  std::vector<ParsedVoteCast> casts;
  Provenance provenance;
  friend bool operator==(const ParsedVote&, const ParsedVote&) = default;
};

struct ParsedDecision {
  DecisionKind kind = DecisionKind::decided;
  /// The decision as taken. Empty when the record only has a proposal.
  std::string text;
  /// The proposal ("Förslag till beslut"), when the record has one.
  std::string proposal;
  /// The body that took it, as written ("Regionstyrelsens hälso- och
  /// sjukvårdsutskott"); empty means the meeting's body.
  std::string body;
  /// A decision about the meeting itself: the agenda approved, adjusters
  /// chosen, the previous minutes placed on file.
  bool procedural = false;
  /// Votes taken on it, and the reservations entered against it.
  std::vector<ParsedVote> votes;
  std::vector<ParsedReservation> reservations;
  Provenance provenance;
  friend bool operator==(const ParsedDecision&, const ParsedDecision&) = default;
};

/// An assignment ("ger X i uppdrag att ..."): an action item to be.
struct ParsedAssignment {
  /// Who is to do it, as written: a person, an organisation or a body.
  std::string owner;
  std::string what;
  std::optional<Date> due;
  /// Index, in its item's decisions, of the decision that gave it.
  std::optional<std::size_t> decision;
  Provenance provenance;
  friend bool operator==(const ParsedAssignment&, const ParsedAssignment&) = default;
};

struct ParsedEscalation {
  std::string what;
  /// The body it is lifted to, as written; may be empty.
  std::string to;
  Provenance provenance;
  friend bool operator==(const ParsedEscalation&, const ParsedEscalation&) = default;
};

struct ParsedItem {
  /// As written: "4", "18a", "§182"; empty for a heading-structured record.
  std::string number;
  std::string title;
  std::vector<ItemPurpose> purposes;
  std::vector<std::string> presenters;
  std::string text;
  std::string case_number;
  std::vector<ParsedDecision> decisions;
  std::vector<ParsedAssignment> assignments;
  std::vector<ParsedEscalation> escalations;
  std::vector<Money> amounts;
  std::vector<Date> dates;
  std::vector<std::string> attachments;
  /// Bodies the decision is sent to ("Expedieras till").
  std::vector<std::string> sent_to;
  Provenance provenance;
  friend bool operator==(const ParsedItem&, const ParsedItem&) = default;
};

/// Everything read from one document, names unresolved.
struct ParsedMinutes {
  std::string document;
  RecordKind record_kind = RecordKind::minutes;
  /// The body that met, as written.
  std::string body;
  std::string title;
  std::optional<Date> date;
  std::optional<TimeOfDay> start;
  std::optional<TimeOfDay> end;
  std::string place;
  MeetingForm form = MeetingForm::unknown;
  std::vector<ParsedAttendee> attendees;
  std::vector<ParsedItem> items;
  /// Who wrote the record ("Vid anteckningarna", "Vid protokollet").
  std::string writer;
  std::vector<std::string> adjusters;
  std::optional<Date> adjusted_on;
  std::optional<Date> next_meeting;
  std::vector<Warning> warnings;
  /// What the record says that has no field of its own, under "source.*" keys:
  /// the case number of the whole record, who certified an extract, where it
  /// was announced, text before the first item, the agenda when it was listed
  /// apart from the items, the lines of documents appended after the record.
  Extensions extensions;
  /// Lines in the document, for the provenance of the meeting itself.
  std::size_t line_count = 0;
  /// For a PDF or Word document (parse_document() in document.hpp): where
  /// each line of its decoded text is in the original, locations[k - 1] for
  /// line k ("page 3, line 12", "paragraph 14", "table 1, row 4, cell 2").
  /// Provenance line numbers count those lines. Empty for text.
  std::vector<std::string> locations;
};

struct ParseOptions {
  /// The year of dates written without one, when the document names none
  /// ("25/11" in a record whose own date is missing).
  std::optional<int> default_year;
  /// When the document's meeting is already in the corpus (same body, date
  /// and title): true takes in what the document adds to it, attendees,
  /// items, decisions and action items, as Corpus::merge would, with a
  /// warning saying what it added; false leaves the meeting as it is.
  bool update_existing = true;
};

/// Reads one document. Never throws on its content: what cannot be read
/// becomes a warning. `document` names the source in provenance and warnings.
///
///   auto parsed = import::parse_minutes(text, "styrgrupp-2024-03.txt");
///   parsed.date;                      // 2024-03-14
///   parsed.attendees[0].organisation; // "Västra Götalandsregionen"
///   for (const auto& w : parsed.warnings) std::cerr << w.str() << '\n';
ParsedMinutes parse_minutes(std::string_view text, std::string document = {}, const ParseOptions& options = {});

/// What add_to_corpus() added.
struct ImportResult {
  MeetingId meeting;
  std::vector<ActionItemId> action_items;
  /// Records created because no known one matched a name.
  std::vector<OrganisationId> new_organisations;
  std::vector<PersonId> new_people;
  /// Agreements and action plans the document holds (import/documents.hpp),
  /// and indicators made because no known one matched a name.
  std::vector<AgreementId> agreements;
  std::vector<ActionPlanId> plans;
  std::vector<IndicatorId> new_indicators;
  /// The parser's warnings and those of name resolution.
  std::vector<Warning> warnings;
  friend bool operator==(const ImportResult&, const ImportResult&) = default;
};

/// Resolves the names of a parsed document against `corpus` and adds the
/// meeting and its action items. Organisations are matched by name, alias,
/// acronym ("VGR" for "Västra Götalandsregionen", learned and stored as an
/// alias) and for regions by their core name ("Region Halland" = "Halland
/// region"); people by name, preferring one listed with the same
/// organisation, and met in earlier documents. Unknown names become new
/// records. A meeting already in the corpus (same body, date and title) is
/// not added again: the result names the existing one, what the document
/// adds joins it (options.update_existing) and a warning says what.
///
/// Strong guarantee: on an exception the corpus is unchanged.
ImportResult add_to_corpus(Corpus& corpus, const ParsedMinutes& minutes, const ParseOptions& options = {});

/// parse_minutes() and parse_documents() (agreements and action plans, see
/// import/documents.hpp), then add_to_corpus(). A document that is an
/// agreement or a plan alone adds no meeting (ImportResult::meeting empty).
ImportResult import_minutes(Corpus& corpus, std::string_view text, std::string document = {},
                            const ParseOptions& options = {});

/// Reads a file and imports it; the document name is the file's name. The
/// format is told by the content (detect_format() in document.hpp): text or
/// Markdown, Word (.docx), and PDF when a PDF reader is registered
/// (samverkan::pdf). Throws io_error naming the file when it cannot be read:
/// damaged, encrypted, too large, of a format without a reader, or a PDF
/// with no text on its pages (a scan).
ImportResult import_file(Corpus& corpus, const std::filesystem::path& path, const ParseOptions& options = {});

/// The documents an import of `paths` reads: files as given, and under each
/// directory, recursively, in name order, the .txt, .md, .docx and .pdf
/// files and any other file whose content is a Word document or a PDF,
/// leaving out README files (they describe a folder, they are not records)
/// and Word's lock files ("~$name.docx"). Throws io_error for a path that
/// does not exist.
std::vector<std::filesystem::path> collect_documents(const std::vector<std::filesystem::path>& paths);

}  // namespace import

SAMVERKAN_END_NAMESPACE
