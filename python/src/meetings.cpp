// Meetings and their record (attendance, agenda items, decisions, votes,
// escalations) and action items.
#include "described.hpp"

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
  bind_described(attendance, {"person", "status", "roles"});
  attendance.def("has_role", &Attendance::has_role, py::arg("role"), "Whether the person had the role.");

  py::class_<VoteCast> cast(m, "VoteCast", "How one person voted.");
  bind_described(cast, {"person", "option"});

  py::class_<Vote> vote(m, "Vote", "A vote on a question, with counts and the individual votes when named.");
  bind_described(vote, {"question", "yes", "no", "abstain"});

  py::class_<Reservation> reservation(m, "Reservation", "A dissent entered against a decision.");
  bind_described(reservation, {"person"});

  py::class_<Decision> decision(m, "Decision", "What was decided under an agenda item.");
  bind_described(decision, {"id", "kind", "text"});

  py::class_<Escalation> escalation(m, "Escalation", "A question lifted to another body.");
  bind_described(escalation, {"what", "to"});

  py::class_<AgendaItem> item(m, "AgendaItem", "An item of the agenda; number as written, order as recorded.");
  bind_described(item, {"number", "title"});

  py::class_<Meeting> meeting(m, "Meeting", "A meeting and its record.");
  bind_described(meeting, {"id", "body", "date", "title"});
  meeting.def(
      "item",
      [](const Meeting& self, std::string_view number) -> std::optional<AgendaItem> {
        if (const auto* found = self.item(number)) return *found;
        return std::nullopt;
      },
      py::arg("number"), "A copy of the agenda item with this number as written, or None.");

  py::class_<ActionItem> action(m, "ActionItem", "Something someone must do, usually given by a decision.");
  bind_described(action, {"id", "what", "status", "due"});
  action.def("has_owner", &ActionItem::has_owner, "Whether an owner is named.")
      .def("is_open", &ActionItem::is_open, "Whether it is open or in progress.");
}

}  // namespace samverkan_py
