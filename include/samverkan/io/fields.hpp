// The fields of every persisted record, described once.
//
// Each record type (and each part of a record: attendance, decisions, agenda
// items, ...) has one `description<T>` below: its fields in declaration
// order, each with its name, member, JSON presence, the schema version that
// added it, how Corpus::merge combines it and its documentation. Everything
// that walks a record field by field comes from these lists:
//
//   src/io/serialize.hpp   the Boost archives (binary, text, XML)
//   src/io_json.cpp        the JSON reader, the JSON writer, the key lists and
//                          the JSON Schema (docs/corpus.schema.json is its output)
//   src/merge.cpp          the field-by-field combination of matched records
//   python/src/*.cpp       the Python properties, keyword constructors, repr
//                          and pickling of parts (bind_described)
//
// Python's frames (python/src/frames.cpp) still build their columns by hand;
// `as_column()` marks each field that is a column of its record's table
// under its own name (ids as "<name>_id"), so a builder can take its columns
// from for_each_field instead of listing them again.
//
// Value objects that are encoded as a whole (Money, Period, TimeOfDay,
// EntityRef, Provenance) keep their hand-written encoders.
//
// Adding an optional field to a record: declare the member, add its
// describe(...) line here with .since(N), bump schema<T> to N in
// io/schema.hpp and step json_version (docs/versioning.md). Nothing else.
#pragma once

#include <samverkan/corpus.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

SAMVERKAN_BEGIN_NAMESPACE

/// Whether a field is written to and required from JSON.
enum class json_presence : unsigned char {
  /// Left out when unset or empty; absent or null on input leaves the default.
  optional,
  /// Written whatever its value (vocabularies, amounts, counts); optional on input.
  always,
  /// Written always and required on input: what the record cannot do without.
  required,
};

/// How Corpus::merge brings one field of two matched records together: ours
/// wins, gaps are filled from theirs, disagreements become conflict lines.
enum class merge_rule : unsigned char {
  /// Not combined: an id, or part of the key the records were matched by.
  keep,
  /// Text: filled when ours is empty; text differing beyond case and spacing conflicts.
  text,
  /// Any difference is a conflict.
  value,
  /// The default value means "not stated": filled from theirs, else as `value`.
  value_or_unset,
  /// std::optional: filled when ours is unset; a differing value conflicts.
  optional,
  /// As `optional`, but a parent naming the record itself is ignored.
  parent,
  /// Period: start and end each as `optional`.
  period,
  /// A list taken from theirs only when ours is empty.
  first_list,
  /// A set of links or labels: what only theirs names is added.
  union_of,
  /// A flag either record may set.
  either,
  /// Nested records with ids: matched ones combined, the others added.
  by_id,
  /// Extensions: keys added, a differing value conflicts.
  extensions,
  /// Provenance: filled when ours is unset, never a conflict.
  provenance,
  /// Combined by code of its own in src/merge.cpp.
  custom,
};

/// One field of record type T with member type M.
template <class T, class M>
struct field_description {
  using record_type = T;
  using member_type = M;

  /// The key in JSON and the tag in XML archives; the Python property name
  /// (with a trailing '_' where it is a Python keyword).
  std::string_view name;
  M T::*member;
  /// Documentation: the Python docstring and the JSON Schema description.
  const char* doc;
  json_presence json = json_presence::optional;
  /// The schema version of T (io/schema.hpp) that added the field.
  unsigned since = 1;
  merge_rule merge = merge_rule::keep;
  /// The field is a column of T's table in Python's frames (python/src/frames.cpp).
  bool column = false;
  /// Archive layout only: written just before `extensions` instead of at its
  /// place (how Attendance 2 and Decision 2 appended their new fields).
  bool archived_before_extensions = false;

  constexpr field_description required() const {
    auto copy = *this;
    copy.json = json_presence::required;
    return copy;
  }
  constexpr field_description always() const {
    auto copy = *this;
    copy.json = json_presence::always;
    return copy;
  }
  constexpr field_description added_in(unsigned version) const {
    auto copy = *this;
    copy.since = version;
    return copy;
  }
  constexpr field_description merged(merge_rule rule) const {
    auto copy = *this;
    copy.merge = rule;
    return copy;
  }
  constexpr field_description as_column() const {
    auto copy = *this;
    copy.column = true;
    return copy;
  }
  constexpr field_description late_in_archive() const {
    auto copy = *this;
    copy.archived_before_extensions = true;
    return copy;
  }
};

/// A field: name, member, documentation. Extensions and provenance merge by
/// their own rules; everything else is `keep` until said otherwise.
template <class T, class M>
constexpr field_description<T, M> describe(std::string_view name, M T::*member, const char* doc) {
  field_description<T, M> f{name, member, doc};
  if constexpr (std::is_same_v<M, Extensions>) f.merge = merge_rule::extensions;
  if constexpr (std::is_same_v<M, std::optional<Provenance>>) f.merge = merge_rule::provenance;
  return f;
}

/// The JSON Schema (draft 2020-12) of the corpus layout (io/json.hpp),
/// generated from these descriptions; docs/corpus.schema.json holds its
/// output (scripts/schema.sh), and the tests check that it still does.
std::string corpus_json_schema();

/// Specialised below once per described type: `json_name` (its definition in
/// the JSON Schema) and `fields`, a tuple of field_description.
template <class T>
struct description;

/// A type whose fields are described here.
template <class T>
concept described = requires {
  { description<T>::json_name } -> std::convertible_to<std::string_view>;
  std::tuple_size<std::remove_cvref_t<decltype(description<T>::fields)>>::value;
};

/// Calls fn(field) for every field of T, in declaration order.
template <described T, class Fn>
constexpr void for_each_field(Fn&& fn) {
  std::apply([&](const auto&... field) { (fn(field), ...); }, description<T>::fields);
}

/// Whether T has an `extensions` field: such records keep unknown JSON keys
/// there ("open"); the others refuse them ("closed").
template <described T>
constexpr bool has_extensions() {
  bool found = false;
  for_each_field<T>([&](const auto& field) {
    if constexpr (std::is_same_v<typename std::remove_cvref_t<decltype(field)>::member_type, Extensions>) found = true;
  });
  return found;
}

template <>
struct description<Organisation> {
  static constexpr std::string_view json_name = "organisation";
  static constexpr auto fields = std::tuple{
      describe("id", &Organisation::id, "the id; empty to let Corpus.add make one").required(),
      describe("name", &Organisation::name, "the full name").as_column().required().merged(merge_rule::custom),
      describe("aliases", &Organisation::aliases, "short names and other spellings (\"VGR\")").as_column(),
      describe("kind", &Organisation::kind, "an OrganisationKind (or its English or Swedish name)")
          .as_column()
          .always()
          .merged(merge_rule::value_or_unset),
      describe("organisation_number", &Organisation::organisation_number,
               "the Swedish organisation number as written (\"232100-0131\"); empty when unknown")
          .as_column()
          .added_in(2)
          .merged(merge_rule::text),
      describe("parent", &Organisation::parent, "id of the organisation this one is part of")
          .as_column()
          .merged(merge_rule::parent),
      describe("extensions", &Organisation::extensions, "data samverkan does not model, kept as str -> str"),
      describe("provenance", &Organisation::provenance, "where it was read, or None")};
};

template <>
struct description<Person> {
  static constexpr std::string_view json_name = "person";
  static constexpr auto fields =
      std::tuple{describe("id", &Person::id, "the id; empty to let Corpus.add make one").required(),
                 describe("name", &Person::name, "the name as written").as_column().required().merged(merge_rule::text),
                 describe("title", &Person::title, "job title as written").as_column().merged(merge_rule::text),
                 describe("organisation", &Person::organisation, "id of the organisation the person is listed with")
                     .as_column()
                     .merged(merge_rule::optional),
                 describe("extensions", &Person::extensions, "data samverkan does not model"),
                 describe("provenance", &Person::provenance, "where it was read, or None")};
};

template <>
struct description<Membership> {
  static constexpr std::string_view json_name = "membership";
  static constexpr auto fields = std::tuple{
      describe("id", &Membership::id, "the id; empty to let Corpus.add make one").required(),
      describe("person", &Membership::person, "id of the person").as_column().required(),
      describe("organisation", &Membership::organisation, "id of the body or organisation").as_column().required(),
      describe("role", &Membership::role, "a MembershipRole").as_column().always(),
      describe("role_title", &Membership::role_title, "the role as written, when it says more")
          .as_column()
          .merged(merge_rule::text),
      describe("period", &Membership::period, "the Period of the membership"),
      describe("on_behalf_of", &Membership::on_behalf_of, "id of the organisation the person represents")
          .as_column()
          .merged(merge_rule::optional),
      describe("substitute_for", &Membership::substitute_for, "for a substitute, id of the member")
          .as_column()
          .merged(merge_rule::optional),
      describe("extensions", &Membership::extensions, "data samverkan does not model"),
      describe("provenance", &Membership::provenance, "where it was read, or None")};
};

template <>
struct description<Attendance> {
  static constexpr std::string_view json_name = "attendance";
  static constexpr auto fields = std::tuple{
      describe("person", &Attendance::person, "id of the person").as_column().required(),
      describe("represents", &Attendance::represents, "id of the organisation represented")
          .as_column()
          .merged(merge_rule::optional),
      describe("status", &Attendance::status, "an AttendanceStatus").as_column().always().merged(merge_rule::value),
      describe("roles", &Attendance::roles, "list of MeetingRole").as_column().merged(merge_rule::union_of),
      describe("coopted_for_items", &Attendance::coopted_for_items,
               "agenda item numbers a co-opted person attends; empty for all")
          .as_column()
          .merged(merge_rule::first_list),
      describe("substitute_for", &Attendance::substitute_for, "id of the member this person stands in for")
          .as_column()
          .merged(merge_rule::optional),
      describe("party", &Attendance::party, "the political party marked after the name (\"S\", \"KD\"), or ''")
          .as_column()
          .added_in(2)
          .late_in_archive()
          .merged(merge_rule::text),
      describe("note", &Attendance::note, "the status or role as written").as_column().merged(merge_rule::text),
      describe("extensions", &Attendance::extensions, "data samverkan does not model"),
      describe("provenance", &Attendance::provenance, "where it was read, or None")};
};

template <>
struct description<VoteCast> {
  static constexpr std::string_view json_name = "vote_cast";
  static constexpr auto fields = std::tuple{describe("person", &VoteCast::person, "id of the person").required(),
                                            describe("option", &VoteCast::option, "a VoteOption").always()};
};

template <>
struct description<Vote> {
  static constexpr std::string_view json_name = "vote";
  static constexpr auto fields = std::tuple{describe("question", &Vote::question, "the question"),
                                            describe("yes", &Vote::yes, "number of yes votes").always(),
                                            describe("no", &Vote::no, "number of no votes").always(),
                                            describe("abstain", &Vote::abstain, "number of abstentions").always(),
                                            describe("votes", &Vote::votes, "list of VoteCast"),
                                            describe("extensions", &Vote::extensions, "data samverkan does not model")};
};

template <>
struct description<Reservation> {
  static constexpr std::string_view json_name = "reservation";
  static constexpr auto fields =
      std::tuple{describe("person", &Reservation::person, "id of the person").required(),
                 describe("text", &Reservation::text, "the dissent as written"),
                 describe("extensions", &Reservation::extensions, "data samverkan does not model")};
};

template <>
struct description<Decision> {
  static constexpr std::string_view json_name = "decision";
  static constexpr auto fields = std::tuple{
      describe("id", &Decision::id, "the id; empty to let the corpus make one"),
      describe("kind", &Decision::kind, "a DecisionKind").as_column().always().merged(merge_rule::value),
      describe("procedural", &Decision::procedural,
               "True for a decision about the meeting itself (agenda approved, adjusters chosen)")
          .as_column()
          .added_in(2)
          .late_in_archive()
          .merged(merge_rule::either),
      describe("text", &Decision::text, "the decision as taken").as_column().merged(merge_rule::text),
      describe("proposal", &Decision::proposal, "the proposal, when the decision departs from it")
          .as_column()
          .merged(merge_rule::text),
      describe("body", &Decision::body, "id of the deciding body; None for the meeting's body")
          .as_column()
          .merged(merge_rule::optional),
      describe("references", &Decision::references, "list of EntityRef the decision is about")
          .as_column()
          .merged(merge_rule::union_of),
      describe("votes", &Decision::votes, "list of Vote").merged(merge_rule::first_list),
      describe("reservations", &Decision::reservations, "list of Reservation").merged(merge_rule::first_list),
      describe("extensions", &Decision::extensions, "data samverkan does not model"),
      describe("provenance", &Decision::provenance, "where it was read, or None")};
};

template <>
struct description<Escalation> {
  static constexpr std::string_view json_name = "escalation";
  static constexpr auto fields =
      std::tuple{describe("what", &Escalation::what, "the question"),
                 describe("to", &Escalation::to, "id of the body it was lifted to"),
                 describe("extensions", &Escalation::extensions, "data samverkan does not model"),
                 describe("provenance", &Escalation::provenance, "where it was read, or None")};
};

template <>
struct description<AgendaItem> {
  static constexpr std::string_view json_name = "agenda_item";
  static constexpr auto fields = std::tuple{
      describe("number", &AgendaItem::number, "the number as written (\"4\", \"§182\")").as_column(),
      describe("order", &AgendaItem::order, "position in the record").as_column().always(),
      describe("title", &AgendaItem::title, "the title").as_column().merged(merge_rule::text),
      describe("purposes", &AgendaItem::purposes, "list of ItemPurpose").as_column().merged(merge_rule::union_of),
      describe("presenters", &AgendaItem::presenters, "ids of the presenting people").merged(merge_rule::union_of),
      describe("text", &AgendaItem::text, "the item's text").merged(merge_rule::text),
      describe("case_number", &AgendaItem::case_number, "the case number (\"diarienummer\")")
          .as_column()
          .merged(merge_rule::text),
      describe("decisions", &AgendaItem::decisions, "list of Decision").as_column().merged(merge_rule::custom),
      describe("escalations", &AgendaItem::escalations, "list of Escalation").merged(merge_rule::custom),
      describe("amounts", &AgendaItem::amounts, "Money mentioned in the text").merged(merge_rule::first_list),
      describe("dates", &AgendaItem::dates, "dates mentioned in the text").merged(merge_rule::first_list),
      describe("attachments", &AgendaItem::attachments, "documents referred to or attached")
          .merged(merge_rule::union_of),
      describe("extensions", &AgendaItem::extensions, "data samverkan does not model"),
      describe("provenance", &AgendaItem::provenance, "where it was read, or None")};
};

template <>
struct description<Meeting> {
  static constexpr std::string_view json_name = "meeting";
  static constexpr auto fields = std::tuple{
      describe("id", &Meeting::id, "the id; empty to let Corpus.add make one").required(),
      describe("record_kind", &Meeting::record_kind, "a RecordKind").as_column().always().merged(merge_rule::value),
      describe("body", &Meeting::body, "id of the body that met").as_column().required(),
      describe("title", &Meeting::title, "the title").as_column().merged(merge_rule::text),
      describe("date", &Meeting::date, "the date (datetime.date), or None").as_column().merged(merge_rule::optional),
      describe("start", &Meeting::start, "the start TimeOfDay, or None").as_column().merged(merge_rule::optional),
      describe("end", &Meeting::end, "the end TimeOfDay, or None").as_column().merged(merge_rule::optional),
      describe("place", &Meeting::place, "where it was held").as_column().merged(merge_rule::text),
      describe("form", &Meeting::form, "a MeetingForm").as_column().always().merged(merge_rule::value_or_unset),
      describe("attendance", &Meeting::attendance, "list of Attendance").merged(merge_rule::custom),
      describe("items", &Meeting::items, "list of AgendaItem").merged(merge_rule::custom),
      describe("adjusted_on", &Meeting::adjusted_on, "when the record was signed, or None")
          .as_column()
          .merged(merge_rule::optional),
      describe("next_meeting", &Meeting::next_meeting, "the announced next meeting, or None")
          .as_column()
          .merged(merge_rule::optional),
      describe("extensions", &Meeting::extensions, "data samverkan does not model"),
      describe("provenance", &Meeting::provenance, "where it was read, or None")};
};

template <>
struct description<ActionItem> {
  static constexpr std::string_view json_name = "action_item";
  static constexpr auto fields = std::tuple{
      describe("id", &ActionItem::id, "the id; empty to let Corpus.add make one").required(),
      describe("what", &ActionItem::what, "what is to be done").as_column().required(),
      describe("owner_person", &ActionItem::owner_person, "id of the owning person")
          .as_column()
          .merged(merge_rule::optional),
      describe("owner_organisation", &ActionItem::owner_organisation, "id of the owning organisation")
          .as_column()
          .merged(merge_rule::optional),
      describe("due", &ActionItem::due, "the due date, or None").as_column().merged(merge_rule::optional),
      describe("status", &ActionItem::status, "an ActionStatus").as_column().always().merged(merge_rule::value),
      describe("done_on", &ActionItem::done_on, "the day it was done, or None")
          .as_column()
          .added_in(2)
          .late_in_archive()
          .merged(merge_rule::optional),
      describe("meeting", &ActionItem::meeting, "id of the meeting it came from").as_column(),
      describe("item_number", &ActionItem::item_number, "the agenda item number as written, '' when unnumbered")
          .as_column()
          .merged(merge_rule::text),
      describe("item_order", &ActionItem::item_order,
               "the agenda item's order in the meeting (AgendaItem.order), 0 when not known")
          .as_column()
          .added_in(2)
          .late_in_archive()
          .merged(merge_rule::value_or_unset),
      describe("decision", &ActionItem::decision, "id of the decision that gave it")
          .as_column()
          .merged(merge_rule::optional),
      describe("extensions", &ActionItem::extensions, "data samverkan does not model"),
      describe("provenance", &ActionItem::provenance, "where it was read, or None")};
};

template <>
struct description<Party> {
  static constexpr std::string_view json_name = "party";
  static constexpr auto fields =
      std::tuple{describe("organisation", &Party::organisation, "id of the organisation").required(),
                 describe("roles", &Party::roles, "list of PartyRole")};
};

template <>
struct description<Signatory> {
  static constexpr std::string_view json_name = "signatory";
  static constexpr auto fields =
      std::tuple{describe("person", &Signatory::person, "id of the person, when known"),
                 describe("name", &Signatory::name, "the name as written"),
                 describe("title", &Signatory::title, "the title"),
                 describe("organisation", &Signatory::organisation, "id of the organisation"),
                 describe("place", &Signatory::place, "where it was signed"),
                 describe("date", &Signatory::date, "when it was signed, or None")};
};

template <>
struct description<AgreementBlock> {
  static constexpr std::string_view json_name = "block";
  static constexpr auto fields =
      std::tuple{describe("key", &AgreementBlock::key, "short key conditions and payments refer to"),
                 describe("title", &AgreementBlock::title, "the title"),
                 describe("amount", &AgreementBlock::amount, "the Money of the block").required(),
                 describe("purpose", &AgreementBlock::purpose, "what it is for"),
                 describe("extensions", &AgreementBlock::extensions, "data samverkan does not model")};
};

template <>
struct description<Threshold> {
  static constexpr std::string_view json_name = "threshold";
  static constexpr auto fields =
      std::tuple{describe("comparator", &Threshold::comparator, "a Comparator").always(),
                 describe("value", &Threshold::value, "the value compared against").required(),
                 describe("unit", &Threshold::unit, "the unit (\"%\")")};
};

template <>
struct description<Condition> {
  static constexpr std::string_view json_name = "condition";
  static constexpr auto fields =
      std::tuple{describe("key", &Condition::key, "short key"),
                 describe("kind", &Condition::kind, "a ConditionKind").always(),
                 describe("text", &Condition::text, "the text"),
                 describe("indicator", &Condition::indicator, "id of the indicator, when tied to one"),
                 describe("threshold", &Condition::threshold, "a Threshold, or None"),
                 describe("block", &Condition::block, "the block it governs; empty for the whole agreement"),
                 describe("extensions", &Condition::extensions, "data samverkan does not model"),
                 describe("provenance", &Condition::provenance, "where it was read, or None")};
};

template <>
struct description<ReportingObligation> {
  static constexpr std::string_view json_name = "obligation";
  static constexpr auto fields =
      std::tuple{describe("what", &ReportingObligation::what, "what is reported").as_column(),
                 describe("by", &ReportingObligation::by, "id of the reporting organisation").as_column(),
                 describe("to", &ReportingObligation::to, "id of the receiving organisation").as_column(),
                 describe("deadline", &ReportingObligation::deadline, "the deadline, or None").as_column(),
                 describe("status", &ReportingObligation::status, "a MilestoneStatus").as_column().always(),
                 describe("extensions", &ReportingObligation::extensions, "data samverkan does not model"),
                 describe("provenance", &ReportingObligation::provenance, "where it was read, or None")};
};

template <>
struct description<Payment> {
  static constexpr std::string_view json_name = "payment";
  static constexpr auto fields =
      std::tuple{describe("amount", &Payment::amount, "the Money").required(),
                 describe("date", &Payment::date, "when, or None").as_column(),
                 describe("condition", &Payment::condition, "the condition as written").as_column(),
                 describe("condition_keys", &Payment::condition_keys, "keys of the Conditions it depends on"),
                 describe("block", &Payment::block, "the block it belongs to").as_column(),
                 describe("payer", &Payment::payer, "id of the paying organisation").as_column(),
                 describe("payee", &Payment::payee, "id of the receiving organisation").as_column(),
                 describe("status", &Payment::status, "a MilestoneStatus").as_column().always(),
                 describe("extensions", &Payment::extensions, "data samverkan does not model"),
                 describe("provenance", &Payment::provenance, "where it was read, or None")};
};

template <>
struct description<RequisitionRule> {
  static constexpr std::string_view json_name = "requisition_rule";
  static constexpr auto fields =
      std::tuple{describe("text", &RequisitionRule::text, "the rule"),
                 describe("from", &RequisitionRule::from, "id of the organisation requisitioned from"),
                 describe("deadline", &RequisitionRule::deadline, "the deadline, or None")};
};

template <>
struct description<Amendment> {
  static constexpr std::string_view json_name = "amendment";
  static constexpr auto fields =
      std::tuple{describe("kind", &Amendment::kind, "an AmendmentKind").always(),
                 describe("date", &Amendment::date, "when, or None"),
                 describe("text", &Amendment::text, "what changed and why"),
                 describe("new_validity", &Amendment::new_validity, "the new validity Period, or None"),
                 describe("new_total", &Amendment::new_total, "the new total Money, or None"),
                 describe("decided_by", &Amendment::decided_by, "EntityRef of the deciding decision or meeting"),
                 describe("reference", &Amendment::reference, "the deciding reference as written"),
                 describe("extensions", &Amendment::extensions, "data samverkan does not model"),
                 describe("provenance", &Amendment::provenance, "where it was read, or None")};
};

template <>
struct description<Agreement> {
  static constexpr std::string_view json_name = "agreement";
  static constexpr auto fields = std::tuple{
      describe("id", &Agreement::id, "the id; empty to let Corpus.add make one").required(),
      describe("title", &Agreement::title, "the title").as_column().required().merged(merge_rule::text),
      describe("short_name", &Agreement::short_name, "a short name (\"Kömiljarden 2019\")")
          .as_column()
          .merged(merge_rule::text),
      describe("case_number", &Agreement::case_number, "the case number").as_column().merged(merge_rule::text),
      describe("parties", &Agreement::parties, "list of Party").merged(merge_rule::first_list),
      describe("signatories", &Agreement::signatories, "list of Signatory").merged(merge_rule::first_list),
      describe("validity", &Agreement::validity, "the validity Period").merged(merge_rule::period),
      describe("total", &Agreement::total, "the total Money, or None").merged(merge_rule::optional),
      describe("blocks", &Agreement::blocks, "list of AgreementBlock").merged(merge_rule::first_list),
      describe("conditions", &Agreement::conditions, "list of Condition").merged(merge_rule::first_list),
      describe("obligations", &Agreement::obligations, "list of ReportingObligation").merged(merge_rule::first_list),
      describe("payments", &Agreement::payments, "list of Payment").as_column().merged(merge_rule::first_list),
      describe("requisition_rules", &Agreement::requisition_rules, "list of RequisitionRule")
          .merged(merge_rule::first_list),
      describe("amendments", &Agreement::amendments, "list of Amendment").merged(merge_rule::first_list),
      describe("extensions", &Agreement::extensions, "data samverkan does not model"),
      describe("provenance", &Agreement::provenance, "where it was read, or None")};
};

template <>
struct description<PlanExtension> {
  static constexpr std::string_view json_name = "plan_extension";
  static constexpr auto fields =
      std::tuple{describe("new_end", &PlanExtension::new_end, "the plan's new end (required)").required(),
                 describe("decided_on", &PlanExtension::decided_on, "when it was decided, or None"),
                 describe("decided_by", &PlanExtension::decided_by, "EntityRef of the deciding decision or meeting"),
                 describe("reference", &PlanExtension::reference, "the deciding reference as written"),
                 describe("extensions", &PlanExtension::extensions, "data samverkan does not model"),
                 describe("provenance", &PlanExtension::provenance, "where it was read, or None")};
};

template <>
struct description<Goal> {
  static constexpr std::string_view json_name = "goal";
  static constexpr auto fields = std::tuple{
      describe("id", &Goal::id, "the id; empty to let the corpus make one"),
      describe("number", &Goal::number, "the number as written").as_column().merged(merge_rule::text),
      describe("title", &Goal::title, "the title").as_column().merged(merge_rule::text),
      describe("description", &Goal::description, "the description").merged(merge_rule::text),
      describe("parent", &Goal::parent, "id of the parent goal").as_column().merged(merge_rule::optional),
      describe("indicators", &Goal::indicators, "ids of the indicators following it up").merged(merge_rule::union_of),
      describe("extensions", &Goal::extensions, "data samverkan does not model"),
      describe("provenance", &Goal::provenance, "where it was read, or None")};
};

template <>
struct description<Activity> {
  static constexpr std::string_view json_name = "activity";
  static constexpr auto fields = std::tuple{
      describe("id", &Activity::id, "the id; empty to let the corpus make one"),
      describe("number", &Activity::number, "the number as written").as_column().merged(merge_rule::text),
      describe("title", &Activity::title, "the title").as_column().merged(merge_rule::text),
      describe("description", &Activity::description, "the description").merged(merge_rule::text),
      describe("goals", &Activity::goals, "ids of the goals it serves").merged(merge_rule::union_of),
      describe("level", &Activity::level, "a ResponsibleLevel").as_column().always().merged(merge_rule::value),
      describe("responsible", &Activity::responsible, "ids of the responsible organisations")
          .as_column()
          .merged(merge_rule::union_of),
      describe("period", &Activity::period, "the Period").merged(merge_rule::period),
      describe("extensions", &Activity::extensions, "data samverkan does not model"),
      describe("provenance", &Activity::provenance, "where it was read, or None")};
};

template <>
struct description<FundingLine> {
  static constexpr std::string_view json_name = "funding_line";
  static constexpr auto fields =
      std::tuple{describe("id", &FundingLine::id, "the id; empty to let the corpus make one"),
                 describe("amount", &FundingLine::amount, "the Money").required(),
                 describe("activity", &FundingLine::activity, "id of the activity"),
                 describe("goal", &FundingLine::goal, "id of the goal"),
                 describe("pot", &FundingLine::pot, "id of the funding pot"),
                 describe("year", &FundingLine::year, "the year, or None"),
                 describe("budget", &FundingLine::budget, "a BudgetKind").always().merged(merge_rule::value),
                 describe("text", &FundingLine::text, "the line as written"),
                 describe("extensions", &FundingLine::extensions, "data samverkan does not model"),
                 describe("provenance", &FundingLine::provenance, "where it was read, or None")};
};

template <>
struct description<ActionPlan> {
  static constexpr std::string_view json_name = "plan";
  static constexpr auto fields = std::tuple{
      describe("id", &ActionPlan::id, "the id; empty to let Corpus.add make one").required(),
      describe("title", &ActionPlan::title, "the title").as_column().required().merged(merge_rule::text),
      describe("period", &ActionPlan::period, "the Period").merged(merge_rule::period),
      describe("period_extensions", &ActionPlan::period_extensions, "list of PlanExtension")
          .merged(merge_rule::first_list),
      describe("owners", &ActionPlan::owners, "ids of the owning organisations").merged(merge_rule::union_of),
      describe("level", &ActionPlan::level, "a ResponsibleLevel").as_column().always().merged(merge_rule::value),
      describe("parent", &ActionPlan::parent, "id of the county-wide plan this one implements")
          .as_column()
          .merged(merge_rule::parent),
      describe("agreement", &ActionPlan::agreement, "id of the agreement it answers")
          .as_column()
          .merged(merge_rule::optional),
      describe("goals", &ActionPlan::goals, "list of Goal").as_column().merged(merge_rule::by_id),
      describe("activities", &ActionPlan::activities, "list of Activity").as_column().merged(merge_rule::by_id),
      describe("funding", &ActionPlan::funding, "list of FundingLine").merged(merge_rule::by_id),
      describe("extensions", &ActionPlan::extensions, "data samverkan does not model"),
      describe("provenance", &ActionPlan::provenance, "where it was read, or None")};
};

template <>
struct description<FundingPot> {
  static constexpr std::string_view json_name = "funding_pot";
  static constexpr auto fields = std::tuple{
      describe("id", &FundingPot::id, "the id; empty to let Corpus.add make one").required(),
      describe("name", &FundingPot::name, "the name").as_column().required().merged(merge_rule::text),
      describe("amount", &FundingPot::amount, "the Money to share").required().merged(merge_rule::value_or_unset),
      describe("agreement", &FundingPot::agreement, "id of the agreement it comes from")
          .as_column()
          .merged(merge_rule::optional),
      describe("block", &FundingPot::block, "the agreement block's key, when the pot is a block")
          .as_column()
          .merged(merge_rule::text),
      describe("year", &FundingPot::year, "the year, or None").as_column().merged(merge_rule::optional),
      describe("period", &FundingPot::period, "the Period it covers").merged(merge_rule::period),
      describe("purpose", &FundingPot::purpose, "what it is for").merged(merge_rule::text),
      describe("parent", &FundingPot::parent, "id of the pot it was carved out of")
          .as_column()
          .merged(merge_rule::parent),
      describe("extensions", &FundingPot::extensions, "data samverkan does not model"),
      describe("provenance", &FundingPot::provenance, "where it was read, or None")};
};

template <>
struct description<AllocationShare> {
  static constexpr std::string_view json_name = "share";
  static constexpr auto fields =
      std::tuple{describe("recipient", &AllocationShare::recipient, "id of the receiving organisation").required(),
                 describe("amount", &AllocationShare::amount, "the Money received").required(),
                 describe("explanation", &AllocationShare::explanation, "readable steps of the reasoning, in order"),
                 describe("extensions", &AllocationShare::extensions, "data samverkan does not model")};
};

template <>
struct description<Allocation> {
  static constexpr std::string_view json_name = "allocation";
  static constexpr auto fields =
      std::tuple{describe("id", &Allocation::id, "the id; empty to let Corpus.add make one").required(),
                 describe("pot", &Allocation::pot, "id of the funding pot").required(),
                 describe("rule", &Allocation::rule, "the rule's name"),
                 describe("rule_description", &Allocation::rule_description, "the rule's parameters, readable")
                     .merged(merge_rule::text),
                 describe("shares", &Allocation::shares, "list of AllocationShare").merged(merge_rule::first_list),
                 describe("undistributed", &Allocation::undistributed, "Money left over")
                     .always()
                     .merged(merge_rule::value_or_unset),
                 describe("undistributed_reason", &Allocation::undistributed_reason, "why it was left over")
                     .merged(merge_rule::text),
                 describe("extensions", &Allocation::extensions, "data samverkan does not model"),
                 describe("provenance", &Allocation::provenance, "where it was read, or None")};
};

template <>
struct description<Target> {
  static constexpr std::string_view json_name = "target";
  static constexpr auto fields =
      std::tuple{describe("value", &Target::value, "the level").required(),
                 describe("kind", &Target::kind, "a TargetKind").always(),
                 describe("period", &Target::period, "the Period"), describe("note", &Target::note, "a remark")};
};

template <>
struct description<Observation> {
  static constexpr std::string_view json_name = "observation";
  static constexpr auto fields = std::tuple{
      describe("organisation", &Observation::organisation, "id of the organisation, None for national").as_column(),
      describe("period", &Observation::period, "the Period measured"),
      describe("value", &Observation::value, "the value (float)").as_column().required(),
      describe("note", &Observation::note, "a remark").as_column(),
      describe("extensions", &Observation::extensions, "data samverkan does not model"),
      describe("provenance", &Observation::provenance, "where it was read, or None")};
};

template <>
struct description<Indicator> {
  static constexpr std::string_view json_name = "indicator";
  static constexpr auto fields = std::tuple{
      describe("id", &Indicator::id, "the id; empty to let Corpus.add make one").required(),
      describe("name", &Indicator::name, "the name").as_column().required().merged(merge_rule::text),
      describe("area", &Indicator::area, "the area").as_column().merged(merge_rule::text),
      describe("serves", &Indicator::serves, "the goal or promise it serves").as_column().merged(merge_rule::text),
      describe("unit", &Indicator::unit, "the unit (\"%\", \"dagar\")").as_column().merged(merge_rule::text),
      describe("direction", &Indicator::direction, "a Direction").as_column().always().merged(merge_rule::value),
      describe("definition", &Indicator::definition, "how it is measured").merged(merge_rule::text),
      describe("targets", &Indicator::targets, "list of Target").as_column().merged(merge_rule::custom),
      describe("observations", &Indicator::observations, "list of Observation").as_column().merged(merge_rule::custom),
      describe("extensions", &Indicator::extensions, "data samverkan does not model"),
      describe("provenance", &Indicator::provenance, "where it was read, or None")};
};
SAMVERKAN_END_NAMESPACE
