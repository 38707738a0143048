// The importer's Swedish vocabulary: word lists and phrases the stages use
// to recognise what a line or a mark says. One place, so that a word added
// for one layout is known to every stage. Internal to the library.
#pragma once

#include <samverkan/model/agreement.hpp>
#include <samverkan/model/meeting.hpp>
#include <samverkan/version.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

/// A fixed list of phrases looked for in lower-cased text in one pass,
/// instead of one search per phrase: the word lists are asked of every
/// sentence of every item. Built once (a function-local static), then
/// read-only and safe to share between threads.
class PhraseSet {
 public:
  PhraseSet(std::initializer_list<std::string_view> phrases);

  /// True when any phrase occurs in `low`.
  bool any_in(std::string_view low) const noexcept { return scan(low, false).first != npos_; }

  /// Where the phrase listed first among those that occur first occurs
  /// (what a loop of find() over the list in order returns), or npos.
  std::size_t first_listed_in(std::string_view low) const noexcept { return scan(low, true).second; }

 private:
  static constexpr std::size_t npos_ = std::string_view::npos;
  // (index of the phrase found, its position); the lowest index over the
  // whole text when `lowest`, else the first found.
  std::pair<std::size_t, std::size_t> scan(std::string_view low, bool lowest) const noexcept;

  std::vector<std::string_view> phrases_;
  // Phrases by first byte: their indexes into phrases_, in list order.
  std::vector<std::uint16_t> by_first_[256];
  // Bit (a << 8 | b) set when some phrase starts with the bytes a, b (or is
  // the single byte a): most positions of a text are skipped on it.
  std::uint64_t pairs_[1024] = {};
};

/// The party letters of a mark written after a member's name, "(S)",
/// "(KD)", "(MP)": the parties of the Riksdag and their older abbreviations.
/// The mark as written (trimmed); empty when it is not a party mark.
std::string_view party_mark(std::string_view mark) noexcept;

/// Page furniture: a line that carries a page number and nothing of the
/// record, "Sida 3 av 7", "Sida 3", "3 (7)", "3/7", "– 3 –", "- 3 -",
/// "Blad 2", "Page 2 of 5", or such a page number at the end of a
/// header or footer line after a tab ("Region X\t\tSida 1 av 2").
/// `low` is the lower-cased line.
bool is_page_number_line(std::string_view low) noexcept;

/// Lines that a protocol template prints on every page and that say
/// nothing of the record: "Justerandes sign", "Ordförandes sign\tJusterares
/// sign\tUtdragsbestyrkande". "Utdragsbestyrkande" alone is a label (the
/// certifier's name follows) and is no stamp.
bool is_page_stamp(std::string_view low) noexcept;

/// Decision phrases about the meeting itself rather than a matter:
/// the agenda approved, adjusters chosen, the previous minutes placed on
/// file. `low` is the lower-cased sentence.
bool is_procedural_decision(std::string_view low) noexcept;

/// Lower-cased first words of a compound's last part that follow a dash
/// kept at a line end ("hälso- och", "region-/kommun"): a word ending in
/// '-' followed by one of these is not hyphenated across lines.
bool is_compound_continuation(std::string_view low_word) noexcept;

/// A phrase that names a body that meets, by the form of one of its words:
/// "Styrgruppen för nära vård", "Socialnämnden", "Regionstyrelsen",
/// "MAS/MAR-nätverket i Värmland", "Direktionen", "Politiskt samråd",
/// "Hälso- och sjukvårdsutskottet". An organisation ("Region Halland",
/// "Karlstads kommun", "Kommunalförbund") names no body. `low` is lower case.
bool names_a_body(std::string_view low) noexcept;

/// A case number without the label it is written with: "Dnr HSN 2024/12",
/// "Dnr: RS 2024-00567", "Diarienummer SN 2023/4" give the number alone.
std::string_view case_number_value(std::string_view text) noexcept;


/// The sub-headings of a protocol paragraph that record how the decision was
/// reached and what members said of it, not the decision itself.
enum class Proceeding {
  none,
  motions,      // "Yrkanden", "Yrkande"
  order,        // "Propositionsordning", "Beslutsgång"
  vote,         // "Omröstning", "Votering", "Omröstningsresultat", "Propositionsordning och omröstning"
  reservation,  // "Reservation", "Reservationer"
  note,         // "Protokollsanteckning", "Särskilt yttrande", "Jäv"
};

/// The proceeding a line opens when it is such a sub-heading, alone or
/// followed by ':' and a value ("Reservation: Anna Berg (V)"). `value_at`
/// gets the offset of the value (the line's size when there is none).
/// `low` is the lower-cased line.
Proceeding proceeding_heading(std::string_view low, std::size_t* value_at = nullptr) noexcept;

/// Where a sentence says that someone reserves themself against a decision
/// ("reserverar sig", "reserverade sig", "anmäler reservation", "lämnar en
/// reservation", "reservation till förmån för"): the offset of the phrase
/// in `low`, or npos.
std::size_t reservation_phrase(std::string_view low) noexcept;

/// A sentence about the debate, not a decision: a motion ("yrkar bifall"),
/// the order of propositions ("ställer proposition", "finner att"), a vote
/// ("Omröstning begärs", "ja-röster"), a reservation or a note to the
/// protocol. `low` is the lower-cased sentence.
bool is_proceeding_sentence(std::string_view low) noexcept;

/// The party letters for a party written out, in any inflection:
/// "sverigedemokraterna", "socialdemokraternas", "moderata" give "SD", "S",
/// "M". Empty for any other word. `low_word` is lower case.
std::string_view party_of_word(std::string_view low_word) noexcept;

struct VoteCounts {
  std::uint32_t yes = 0;
  std::uint32_t no = 0;
  std::uint32_t abstain = 0;
};
/// The counts a vote sentence records: "Med 9 ja-röster mot 4 nej-röster och
/// 2 som avstår", "Ja-röster: 7, Nej-röster: 5, Avstår: 3", "med åtta ja mot
/// fem nej", "2 ledamöter avstod". Nothing when no yes or no count is
/// written. `low` is the lower-cased sentence.
std::optional<VoteCounts> vote_counts(std::string_view low);

/// The vote a roll-call word or cell names: "ja", "ja-röst", "nej",
/// "avstår", "avstod", "avstående". `low` is lower case.
std::optional<int> vote_word(std::string_view low) noexcept;  // 0 yes, 1 no, 2 abstain

/// A sentence that reports an assignment or decision of an earlier meeting
/// rather than this one's: "Vid förra mötet gavs X i uppdrag", "X har
/// tidigare fått i uppdrag", "Vid mötet den 27 september gavs ...".
/// `low` is the lower-cased sentence.
bool reports_earlier(std::string_view low) noexcept;

/// A plain statement of work someone is to do, "X återkommer med ...",
/// "X skickar ut ...", "X tar fram ...", "X ska kontakta ...": the offset in
/// `low` of the verb phrase after the subject (its leading space
/// included), or npos. `low` is the lower-cased sentence.
std::size_t action_verb(std::string_view low) noexcept;

/// Column headings of an action list ("Åtgärd | Ansvarig | Klart senast |
/// Punkt"): what the column holds. `low` is a lower-cased cell.
enum class ActionColumn { none, what, owner, due, item, number };
ActionColumn action_column(std::string_view low) noexcept;

/// Column headings of an attendance table ("Namn | Parti | Funktion |
/// Närvaro"): what the column holds. `low` is a lower-cased cell.
/// `deputy`: the members' personal substitutes, one beside each member
/// ("Ledamöter | Närv. | Ersättare | Närv.").
enum class AttendanceColumn { none, name, party, organisation, function, title, presence, substitute, deputy, note };
AttendanceColumn attendance_column(std::string_view low) noexcept;


// ---------------------------------------------------------------- agreements and plans
// Word lists of the agreement and action-plan readers (documents.cpp).

/// What a title line says about an agreement: a form word alone
/// ("SAMVERKANSAVTAL", "Bidragsöverenskommelse"), "Överenskommelse mellan
/// ..." (parties follow, the title is above), or a title naming the form
/// ("Samverkansavtal om ...", "Avtal om ..."). `low` is a lower-cased cell.
enum class AgreementHeading { none, form_word, between, titled };
AgreementHeading agreement_heading(std::string_view low) noexcept;

/// A title line of an action plan: "Handlingsplan för ...", "Delregional
/// genomförandeplan ...", "Aktivitetsplan 2024", "GENOMFÖRANDEPLAN".
bool plan_heading(std::string_view low) noexcept;

/// Words that name a part of an agreement's money: "block", "del".
const std::vector<std::string_view>& agreement_block_words();

/// "ett", "två", ... "tio" (and "en", "första", "andra", "tredje"): 1-10; 0 otherwise.
int small_number_word(std::string_view low) noexcept;

/// "januari" ... "december" (and "jan", "feb" ...): 1-12; 0 otherwise.
unsigned month_number(std::string_view low) noexcept;

/// A role word written beside a party: "huvudman", "finansiär",
/// "mottagare", "samordnare", "utbetalare" (and their forms).
std::optional<PartyRole> party_role_word(std::string_view low) noexcept;

/// Phrases before a threshold and the comparison they mean: "minst",
/// "högst", "inte överstiga", "mer än", "mindre än", "lägst", "över".
const std::vector<std::pair<std::string_view, Comparator>>& comparator_phrases();

/// Nouns that name what a threshold measures: "andelen", "antalet",
/// "svarsfrekvens", "leveranstid", "väntetid".
const std::vector<std::string_view>& measure_nouns();

/// Verbs of reporting: "redovis", "rapport", "lämna", "skicka in", "inkomma".
const std::vector<std::string_view>& reporting_verbs();

/// Splits "staten och Sveriges Kommuner och Landsting" at ',', " och " and
/// " samt ", keeping names that hold "och" ("Sveriges Kommuner och
/// Regioner", "Hälso- och sjukvårdsnämnden") whole.
std::vector<std::string> split_party_list(std::string_view text);

/// Labels of a plan's owners: "ägare", "planägare", "ansvariga", "huvudmän".
const std::vector<std::string_view>& plan_owner_labels();

/// Words of a plan's section headings that are no goal: "aktiviteter",
/// "budget", "finansiering", "indikatorer", "period", "giltighet".
const std::vector<std::string_view>& plan_section_words();

/// Words that open a goal line, and whether the goal is a sub-goal:
/// "mål", "delmål", "insatsområde", "fokusområde", "målområde".
const std::vector<std::pair<std::string_view, bool>>& goal_words();

/// The kind of record a heading names: "Protokoll", "Protokollsutdrag",
/// "Minnesanteckningar från ...", "Mötesanteckningar"; `low` lower case.
std::optional<RecordKind> record_kind_of(std::string_view low) noexcept;

/// The length of an e-mail header label at the start of `low` ("Från:",
/// "Skickat:", "Subject:", "Bifogade filer:" and the tab after it), or 0.
std::size_t envelope_label(std::string_view low) noexcept;

/// "-----Ursprungligt meddelande-----" and its kin: a forwarded message starts.
bool is_forward_marker(std::string_view low) noexcept;

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
