// Meetings and their record: attendance, agenda items, decisions, votes,
// escalations; and the action items decisions give rise to.
#pragma once

#include <samverkan/core/date.hpp>
#include <samverkan/core/ids.hpp>
#include <samverkan/core/money.hpp>
#include <samverkan/core/record.hpp>
#include <samverkan/model/visit.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

enum class RecordKind { minutes, protocol, protocol_extract };
enum class MeetingForm { unknown, physical, digital, teams, hybrid };
enum class AttendanceStatus { present, absent, excused, invited };
enum class MeetingRole { member, chair, vice_chair, secretary, adjuster, record_writer, coopted, guest };
enum class ItemPurpose { information, dialog, decision, report, other };
enum class DecisionKind { noted, endorsed, decided, approved, adopted, assigned, rejected, postponed, escalated };
enum class VoteOption { yes, no, abstain };
enum class ActionStatus { open, in_progress, done, cancelled };

template <>
struct enum_traits<RecordKind> {
  static constexpr std::string_view type_name = "RecordKind";
  static constexpr std::array<enum_entry<RecordKind>, 3> entries{{
      {RecordKind::minutes, "minutes", "mötesanteckning",
       "mötesanteckningar|minnesanteckningar|minnesanteckning|anteckningar|notes"},
      {RecordKind::protocol, "protocol", "protokoll", "sammanträdesprotokoll"},
      {RecordKind::protocol_extract, "protocol_extract", "protokollsutdrag", "utdrag ur protokoll|extract"},
  }};
};

template <>
struct enum_traits<MeetingForm> {
  static constexpr std::string_view type_name = "MeetingForm";
  static constexpr std::array<enum_entry<MeetingForm>, 5> entries{{
      {MeetingForm::unknown, "unknown", "okänd"},
      {MeetingForm::physical, "physical", "fysiskt", "fysiskt möte|på plats|in person|fysisk"},
      {MeetingForm::digital, "digital", "digitalt", "digitalt möte|distans|videomöte|zoom|skype|online|digital"},
      {MeetingForm::teams, "teams", "teams", "teamsmöte|microsoft teams|via teams"},
      {MeetingForm::hybrid, "hybrid", "hybrid", "hybridmöte"},
  }};
};

template <>
struct enum_traits<AttendanceStatus> {
  static constexpr std::string_view type_name = "AttendanceStatus";
  static constexpr std::array<enum_entry<AttendanceStatus>, 4> entries{{
      {AttendanceStatus::present, "present", "närvarande", "deltagare|deltog|närvarande ledamöter"},
      {AttendanceStatus::absent, "absent", "frånvarande", "ej närvarande"},
      {AttendanceStatus::excused, "excused", "förhinder", "förhindrad|anmält förhinder|ursäktad"},
      {AttendanceStatus::invited, "invited", "kallad", "kallade|inbjuden|inbjudna"},
  }};
};

template <>
struct enum_traits<MeetingRole> {
  static constexpr std::string_view type_name = "MeetingRole";
  static constexpr std::array<enum_entry<MeetingRole>, 8> entries{{
      {MeetingRole::member, "member", "ledamot", "deltagare"},
      {MeetingRole::chair, "chair", "ordförande", "ordf|mötesordförande"},
      {MeetingRole::vice_chair, "vice_chair", "vice ordförande", "vice ordf|v ordf"},
      {MeetingRole::secretary, "secretary", "sekreterare", "mötessekreterare"},
      {MeetingRole::adjuster, "adjuster", "justerare", "justerande|justeras av"},
      {MeetingRole::record_writer, "record_writer", "vid anteckningarna",
       "vid protokollet|antecknare|protokollförare|sekreterare vid anteckningarna"},
      {MeetingRole::coopted, "coopted", "adjungerad", "adjungerade|co-opted"},
      {MeetingRole::guest, "guest", "gäst", "inbjuden gäst|åhörare"},
  }};
};

template <>
struct enum_traits<ItemPurpose> {
  static constexpr std::string_view type_name = "ItemPurpose";
  static constexpr std::array<enum_entry<ItemPurpose>, 5> entries{{
      {ItemPurpose::information, "information", "information", "info|informationsärende"},
      {ItemPurpose::dialog, "dialog", "dialog", "diskussion|discussion|samtal"},
      {ItemPurpose::decision, "decision", "beslut", "ställningstagande|för beslut|beslutsärende"},
      {ItemPurpose::report, "report", "återrapportering", "rapport|redovisning|lägesrapport"},
      {ItemPurpose::other, "other", "övrigt", "övriga frågor"},
  }};
};

template <>
struct enum_traits<DecisionKind> {
  static constexpr std::string_view type_name = "DecisionKind";
  static constexpr std::array<enum_entry<DecisionKind>, 9> entries{{
      {DecisionKind::noted, "noted", "noterar informationen",
       "noterar|noterat|lägger till handlingarna|läggs till handlingarna|informationen noteras"},
      {DecisionKind::endorsed, "endorsed", "ställer sig bakom", "tillstyrker|ställer sig positiv"},
      {DecisionKind::decided, "decided", "beslutar", "beslut|beslutade"},
      {DecisionKind::approved, "approved", "godkänner", "godkänd|godkänt|godkännande"},
      {DecisionKind::adopted, "adopted", "antar", "antagen|antaget|fastställer|fastställd"},
      {DecisionKind::assigned, "assigned", "ger i uppdrag", "uppdrag|uppdrar|assignment"},
      {DecisionKind::rejected, "rejected", "avslår", "avslag|avslås"},
      {DecisionKind::postponed, "postponed", "bordlägger", "bordläggs|bordlagt|skjuts upp|återremitteras"},
      {DecisionKind::escalated, "escalated", "lyfts till", "eskaleras|eskaleringsfråga|eskalerar"},
  }};
};

template <>
struct enum_traits<VoteOption> {
  static constexpr std::string_view type_name = "VoteOption";
  static constexpr std::array<enum_entry<VoteOption>, 3> entries{{
      {VoteOption::yes, "yes", "ja"},
      {VoteOption::no, "no", "nej"},
      {VoteOption::abstain, "abstain", "avstår", "avstår från att rösta|nedlagd röst"},
  }};
};

template <>
struct enum_traits<ActionStatus> {
  static constexpr std::string_view type_name = "ActionStatus";
  static constexpr std::array<enum_entry<ActionStatus>, 4> entries{{
      {ActionStatus::open, "open", "öppen", "ej påbörjad|ny"},
      {ActionStatus::in_progress, "in_progress", "pågår", "pågående|påbörjad"},
      {ActionStatus::done, "done", "klar", "genomförd|avslutad|slutförd"},
      {ActionStatus::cancelled, "cancelled", "avbruten", "struken|utgår"},
  }};
};

/// One person's attendance at one meeting.
///
/// A co-opted member present for items 5 and 7 only:
///   Attendance{.person = henrik, .roles = {MeetingRole::coopted},
///              .coopted_for_items = {"5", "7"}};
struct Attendance {
  PersonId person;
  /// The organisation the person represents at this meeting.
  std::optional<OrganisationId> represents;
  AttendanceStatus status = AttendanceStatus::present;
  std::vector<MeetingRole> roles;
  /// Agenda item numbers, as written, a co-opted person attends; empty means
  /// the whole meeting. Only meaningful with MeetingRole::coopted.
  std::vector<std::string> coopted_for_items;
  /// The member this person stands in for ("ersätter Göran Matejka"); in a
  /// protocol, the member a serving substitute ("tjänstgörande ersättare") serves for.
  std::optional<PersonId> substitute_for;
  /// The political party the person sits for, as the document marks it
  /// after the name: "S", "M", "KD". Empty when the document marks none.
  std::string party;
  /// The status or role as written, when it said more ("förhindrad", "deltar på distans").
  std::string note;
  Extensions extensions;
  std::optional<Provenance> provenance;

  bool has_role(MeetingRole role) const noexcept {
    for (auto r : roles)
      if (r == role) return true;
    return false;
  }
  friend bool operator==(const Attendance&, const Attendance&) = default;
};

/// How one person voted.
struct VoteCast {
  PersonId person;
  VoteOption option = VoteOption::yes;
  friend bool operator==(const VoteCast&, const VoteCast&) = default;
};

/// A vote ("votering") on a question; counts as recorded, and the individual
/// votes where the record names them.
struct Vote {
  std::string question;
  std::uint32_t yes = 0;
  std::uint32_t no = 0;
  std::uint32_t abstain = 0;
  std::vector<VoteCast> votes;
  Extensions extensions;
  friend bool operator==(const Vote&, const Vote&) = default;
};

/// A dissent entered against a decision ("reservation").
struct Reservation {
  PersonId person;
  std::string text;
  Extensions extensions;
  friend bool operator==(const Reservation&, const Reservation&) = default;
};

/// What was decided under an item. `text` is the decision as taken; when it
/// departs from the proposal, `proposal` keeps what was proposed.
struct Decision {
  DecisionId id;
  DecisionKind kind = DecisionKind::decided;
  /// A decision about the meeting itself rather than a matter: the agenda
  /// approved, adjusters chosen, earlier minutes placed on file.
  bool procedural = false;
  std::string text;
  std::string proposal;
  /// The body that took the decision; when empty, the meeting's body.
  std::optional<OrganisationId> body;
  /// What the decision is about: an agreement, a plan, an allocation ...
  std::vector<EntityRef> references;
  std::vector<Vote> votes;
  std::vector<Reservation> reservations;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const Decision&, const Decision&) = default;
};

/// A question lifted to another body ("lyfts till", "eskaleringsfråga").
struct Escalation {
  std::string what;
  std::optional<OrganisationId> to;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const Escalation&, const Escalation&) = default;
};

/// An item of the agenda. `number` is as written ("4", "18a", "§182") and is
/// kept apart from `order`, the item's position in the record.
struct AgendaItem {
  std::string number;
  std::uint32_t order = 0;
  std::string title;
  std::vector<ItemPurpose> purposes;
  std::vector<PersonId> presenters;
  std::string text;
  /// Case number ("diarienummer"), e.g. "RS 2019-01234".
  std::string case_number;
  std::vector<Decision> decisions;
  std::vector<Escalation> escalations;
  /// Amounts and dates mentioned in the item's text.
  std::vector<Money> amounts;
  std::vector<Date> dates;
  /// Documents the item refers to or attaches ("Beslutsunderlag").
  std::vector<std::string> attachments;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const AgendaItem&, const AgendaItem&) = default;
};

/// A meeting and its record.
struct Meeting {
  using id_type = MeetingId;

  MeetingId id;
  RecordKind record_kind = RecordKind::minutes;
  /// The body that met (a committee, a working group).
  OrganisationId body;
  std::string title;
  std::optional<Date> date;
  std::optional<TimeOfDay> start;
  std::optional<TimeOfDay> end;
  std::string place;
  MeetingForm form = MeetingForm::unknown;
  std::vector<Attendance> attendance;
  std::vector<AgendaItem> items;
  /// When the adjusters signed the record ("Justerat").
  std::optional<Date> adjusted_on;
  std::optional<Date> next_meeting;
  Extensions extensions;
  std::optional<Provenance> provenance;

  /// The item with this number as written, or nullptr.
  const AgendaItem* item(std::string_view number) const noexcept {
    for (const auto& it : items)
      if (it.number == number) return &it;
    return nullptr;
  }
  friend bool operator==(const Meeting&, const Meeting&) = default;
};

/// Something someone must do, usually given by a decision ("ger ... i uppdrag att").
/// Owned by a person, an organisation, or both (a person at an organisation).
struct ActionItem {
  using id_type = ActionItemId;

  ActionItemId id;
  std::string what;
  std::optional<PersonId> owner_person;
  std::optional<OrganisationId> owner_organisation;
  std::optional<Date> due;
  ActionStatus status = ActionStatus::open;
  /// The day it was done, when known; with it, reports can tell what was
  /// open, done or overdue on any earlier day.
  std::optional<Date> done_on;
  /// Where it came from: the meeting, the item number as written (empty
  /// for an unnumbered item), the item's order in the meeting (0 when not
  /// known), the decision.
  std::optional<MeetingId> meeting;
  std::string item_number;
  std::uint32_t item_order = 0;
  std::optional<DecisionId> decision;
  Extensions extensions;
  std::optional<Provenance> provenance;

  bool has_owner() const noexcept { return owner_person || owner_organisation; }
  bool is_open() const noexcept { return status == ActionStatus::open || status == ActionStatus::in_progress; }
  friend bool operator==(const ActionItem&, const ActionItem&) = default;
};

template <detail::record_of<Meeting> R, class V>
void visit_references(R& m, V&& visit) {
  visit(m.body, [] { return std::string("body"); });
  for (std::size_t i = 0; i < m.attendance.size(); ++i) {
    auto& a = m.attendance[i];
    visit(a.person, [i] { return detail::field_path("attendance", i, ".person"); });
    detail::visit_optional(a.represents, visit, [i] { return detail::field_path("attendance", i, ".represents"); });
    detail::visit_optional(a.substitute_for, visit,
                           [i] { return detail::field_path("attendance", i, ".substitute_for"); });
  }
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    auto& item = m.items[i];
    const auto at = [i](std::string_view rest) { return detail::field_path("items", i, rest); };
    for (std::size_t p = 0; p < item.presenters.size(); ++p)
      visit(item.presenters[p], [&at, p] { return at(detail::field_path(".presenters", p, "")); });
    for (std::size_t d = 0; d < item.decisions.size(); ++d) {
      auto& dec = item.decisions[d];
      const auto in_decision = [&at, d](std::string_view rest) {
        return at(detail::field_path(".decisions", d, rest));
      };
      detail::visit_optional(dec.body, visit, [&] { return in_decision(".body"); });
      for (std::size_t r = 0; r < dec.references.size(); ++r)
        visit(dec.references[r], [&, r] { return in_decision(detail::field_path(".references", r, "")); });
      for (std::size_t v = 0; v < dec.votes.size(); ++v)
        for (std::size_t c = 0; c < dec.votes[v].votes.size(); ++c)
          visit(dec.votes[v].votes[c].person, [&, v, c] {
            return in_decision(detail::field_path(".votes", v, detail::field_path(".votes", c, ".person")));
          });
      for (std::size_t r = 0; r < dec.reservations.size(); ++r)
        visit(dec.reservations[r].person,
              [&, r] { return in_decision(detail::field_path(".reservations", r, ".person")); });
    }
    for (std::size_t e = 0; e < item.escalations.size(); ++e)
      detail::visit_optional(item.escalations[e].to, visit,
                             [&at, e] { return at(detail::field_path(".escalations", e, ".to")); });
  }
}

/// Visits the ids a meeting defines for nested records (its decisions).
template <detail::record_of<Meeting> R, class V>
void visit_definitions(R& m, V&& visit) {
  for (std::size_t i = 0; i < m.items.size(); ++i)
    for (std::size_t d = 0; d < m.items[i].decisions.size(); ++d)
      visit(m.items[i].decisions[d].id,
            [i, d] { return detail::field_path("items", i, detail::field_path(".decisions", d, ".id")); });
}

template <detail::record_of<ActionItem> R, class V>
void visit_references(R& a, V&& visit) {
  detail::visit_optional(a.owner_person, visit, [] { return std::string("owner_person"); });
  detail::visit_optional(a.owner_organisation, visit, [] { return std::string("owner_organisation"); });
  detail::visit_optional(a.meeting, visit, [] { return std::string("meeting"); });
  detail::visit_optional(a.decision, visit, [] { return std::string("decision"); });
}

SAMVERKAN_END_NAMESPACE
