// Meetings and their record (attendance, agenda items, decisions, votes,
// escalations) and action items.
#include "bindings.hpp"

namespace samverkan_py {

void bind_meetings(py::module_& m) {
  bind_vocabulary<RecordKind>(m, "RecordKind", "What kind of record a meeting has: minutes, protocol, extract.");
  bind_vocabulary<MeetingForm>(m, "MeetingForm", "How a meeting was held.");
  bind_vocabulary<AttendanceStatus>(m, "AttendanceStatus", "Whether a person attended.");
  bind_vocabulary<MeetingRole>(m, "MeetingRole", "A person's role at one meeting.");
  bind_vocabulary<ItemPurpose>(m, "ItemPurpose", "What an agenda item is for.");
  bind_vocabulary<DecisionKind>(m, "DecisionKind", "What a decision did.");
  bind_vocabulary<VoteOption>(m, "VoteOption", "How a vote was cast.");
  bind_vocabulary<ActionStatus>(m, "ActionStatus", "Where an action item stands.");

  py::class_<Attendance> attendance(m, "Attendance", "One person's attendance at one meeting.");
  bind_fields(attendance, "Attendance", {"person", "status", "roles"},
              field{"person", &Attendance::person, "id of the person"},
              field{"represents", &Attendance::represents, "id of the organisation represented"},
              field{"status", &Attendance::status, "an AttendanceStatus"},
              field{"roles", &Attendance::roles, "list of MeetingRole"},
              field{"coopted_for_items", &Attendance::coopted_for_items,
                    "agenda item numbers a co-opted person attends; empty for all"},
              field{"substitute_for", &Attendance::substitute_for, "id of the member this person stands in for"},
              field{"party", &Attendance::party, "the political party marked after the name (\"S\", \"KD\"), or ''"},
              field{"note", &Attendance::note, "the status or role as written"},
              field{"extensions", &Attendance::extensions, "data samverkan does not model"},
              field{"provenance", &Attendance::provenance, "where it was read, or None"});
  attendance.def("has_role", &Attendance::has_role, py::arg("role"), "Whether the person had the role.");

  py::class_<VoteCast> cast(m, "VoteCast", "How one person voted.");
  bind_fields(cast, "VoteCast", {"person", "option"}, field{"person", &VoteCast::person, "id of the person"},
              field{"option", &VoteCast::option, "a VoteOption"});

  py::class_<Vote> vote(m, "Vote", "A vote on a question, with counts and the individual votes when named.");
  bind_fields(vote, "Vote", {"question", "yes", "no", "abstain"}, field{"question", &Vote::question, "the question"},
              field{"yes", &Vote::yes, "number of yes votes"}, field{"no", &Vote::no, "number of no votes"},
              field{"abstain", &Vote::abstain, "number of abstentions"},
              field{"votes", &Vote::votes, "list of VoteCast"},
              field{"extensions", &Vote::extensions, "data samverkan does not model"});

  py::class_<Reservation> reservation(m, "Reservation", "A dissent entered against a decision.");
  bind_fields(reservation, "Reservation", {"person"}, field{"person", &Reservation::person, "id of the person"},
              field{"text", &Reservation::text, "the dissent as written"},
              field{"extensions", &Reservation::extensions, "data samverkan does not model"});

  py::class_<Decision> decision(m, "Decision", "What was decided under an agenda item.");
  bind_fields(decision, "Decision", {"id", "kind", "text"},
              field{"id", &Decision::id, "the id; empty to let the corpus make one"},
              field{"kind", &Decision::kind, "a DecisionKind"},
              field{"procedural", &Decision::procedural,
                    "True for a decision about the meeting itself (agenda approved, adjusters chosen)"},
              field{"text", &Decision::text, "the decision as taken"},
              field{"proposal", &Decision::proposal, "the proposal, when the decision departs from it"},
              field{"body", &Decision::body, "id of the deciding body; None for the meeting's body"},
              field{"references", &Decision::references, "list of EntityRef the decision is about"},
              field{"votes", &Decision::votes, "list of Vote"},
              field{"reservations", &Decision::reservations, "list of Reservation"},
              field{"extensions", &Decision::extensions, "data samverkan does not model"},
              field{"provenance", &Decision::provenance, "where it was read, or None"});

  py::class_<Escalation> escalation(m, "Escalation", "A question lifted to another body.");
  bind_fields(escalation, "Escalation", {"what", "to"}, field{"what", &Escalation::what, "the question"},
              field{"to", &Escalation::to, "id of the body it was lifted to"},
              field{"extensions", &Escalation::extensions, "data samverkan does not model"},
              field{"provenance", &Escalation::provenance, "where it was read, or None"});

  py::class_<AgendaItem> item(m, "AgendaItem", "An item of the agenda; number as written, order as recorded.");
  bind_fields(item, "AgendaItem", {"number", "title"},
              field{"number", &AgendaItem::number, "the number as written (\"4\", \"§182\")"},
              field{"order", &AgendaItem::order, "position in the record"},
              field{"title", &AgendaItem::title, "the title"},
              field{"purposes", &AgendaItem::purposes, "list of ItemPurpose"},
              field{"presenters", &AgendaItem::presenters, "ids of the presenting people"},
              field{"text", &AgendaItem::text, "the item's text"},
              field{"case_number", &AgendaItem::case_number, "the case number (\"diarienummer\")"},
              field{"decisions", &AgendaItem::decisions, "list of Decision"},
              field{"escalations", &AgendaItem::escalations, "list of Escalation"},
              field{"amounts", &AgendaItem::amounts, "Money mentioned in the text"},
              field{"dates", &AgendaItem::dates, "dates mentioned in the text"},
              field{"attachments", &AgendaItem::attachments, "documents referred to or attached"},
              field{"extensions", &AgendaItem::extensions, "data samverkan does not model"},
              field{"provenance", &AgendaItem::provenance, "where it was read, or None"});

  py::class_<Meeting> meeting(m, "Meeting", "A meeting and its record.");
  bind_fields(meeting, "Meeting", {"id", "body", "date", "title"},
              field{"id", &Meeting::id, "the id; empty to let Corpus.add make one"},
              field{"record_kind", &Meeting::record_kind, "a RecordKind"},
              field{"body", &Meeting::body, "id of the body that met"},
              field{"title", &Meeting::title, "the title"},
              field{"date", &Meeting::date, "the date (datetime.date), or None"},
              field{"start", &Meeting::start, "the start TimeOfDay, or None"},
              field{"end", &Meeting::end, "the end TimeOfDay, or None"},
              field{"place", &Meeting::place, "where it was held"},
              field{"form", &Meeting::form, "a MeetingForm"},
              field{"attendance", &Meeting::attendance, "list of Attendance"},
              field{"items", &Meeting::items, "list of AgendaItem"},
              field{"adjusted_on", &Meeting::adjusted_on, "when the record was signed, or None"},
              field{"next_meeting", &Meeting::next_meeting, "the announced next meeting, or None"},
              field{"extensions", &Meeting::extensions, "data samverkan does not model"},
              field{"provenance", &Meeting::provenance, "where it was read, or None"});
  meeting.def(
      "item",
      [](const Meeting& self, std::string_view number) -> std::optional<AgendaItem> {
        if (const auto* found = self.item(number)) return *found;
        return std::nullopt;
      },
      py::arg("number"), "A copy of the agenda item with this number as written, or None.");

  py::class_<ActionItem> action(m, "ActionItem", "Something someone must do, usually given by a decision.");
  bind_fields(action, "ActionItem", {"id", "what", "status", "due"},
              field{"id", &ActionItem::id, "the id; empty to let Corpus.add make one"},
              field{"what", &ActionItem::what, "what is to be done"},
              field{"owner_person", &ActionItem::owner_person, "id of the owning person"},
              field{"owner_organisation", &ActionItem::owner_organisation, "id of the owning organisation"},
              field{"due", &ActionItem::due, "the due date, or None"},
              field{"status", &ActionItem::status, "an ActionStatus"},
              field{"meeting", &ActionItem::meeting, "id of the meeting it came from"},
              field{"item_number", &ActionItem::item_number, "the agenda item number as written"},
              field{"decision", &ActionItem::decision, "id of the decision that gave it"},
              field{"extensions", &ActionItem::extensions, "data samverkan does not model"},
              field{"provenance", &ActionItem::provenance, "where it was read, or None"});
  action.def("has_owner", &ActionItem::has_owner, "Whether an owner is named.")
      .def("is_open", &ActionItem::is_open, "Whether it is open or in progress.");
}

}  // namespace samverkan_py
