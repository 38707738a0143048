// The reports of samverkan/query.hpp that a notebook wants as values:
// deadlines, attendance per organisation, open action items per owner and
// indicator rankings. Results are copies, so they outlive changes to the
// corpus (the C++ views point into it).
#include "bindings.hpp"

#include <samverkan/query.hpp>

#include <tuple>

namespace samverkan_py {

void bind_queries(py::module_& m) {
  bind_vocabulary<DeadlineKind>(m, "DeadlineKind", "What kind of dated commitment a Deadline is.");

  py::class_<Deadline> deadline(m, "Deadline", "A dated commitment found in the corpus.");
  bind_fields(deadline, "Deadline", {"date", "kind", "what"}, field{"date", &Deadline::date, "the day (required)"},
              field{"kind", &Deadline::kind, "a DeadlineKind"},
              field{"entity", &Deadline::entity, "EntityRef of the record it comes from"},
              field{"what", &Deadline::what, "a readable label"},
              field{"settled", &Deadline::settled, "whether the record says the matter is closed"});

  py::class_<AttendanceCount> count(m, "AttendanceCount", "Attendance entries counted by status.");
  bind_fields(count, "AttendanceCount", {"present", "absent", "excused", "invited"},
              field{"present", &AttendanceCount::present, "entries present"},
              field{"absent", &AttendanceCount::absent, "entries absent"},
              field{"excused", &AttendanceCount::excused, "entries excused"},
              field{"invited", &AttendanceCount::invited, "entries invited"});
  count.def("total", &AttendanceCount::total, "All entries, whatever their status.");

  m.def(
      "deadlines", [](const Corpus& corpus, const Period& period) { return deadlines(corpus, period); },
      py::arg("corpus"), py::arg("period") = Period{}, py::call_guard<py::gil_scoped_release>(),
      "Every dated commitment (action items due, reporting, payments, requisitions, ends of plans and\n"
      "agreements, next meetings) whose date lies in the period, by date.\n\n"
      "Args:\n    corpus: the Corpus.\n    period: the Period; the default has no bounds.");
  m.def(
      "attendance_per_organisation",
      [](const Corpus& corpus, const Period& period) { return attendance_per_organisation(corpus, period); },
      py::arg("corpus"), py::arg("period") = Period{}, py::call_guard<py::gil_scoped_release>(),
      "Attendance entries per organisation id (whom the person represented, else their organisation)\n"
      "at meetings in the period.\n\nArgs:\n    corpus: the Corpus.\n    period: the Period; the default has no bounds.");
  m.def(
      "open_action_items_by_owner",
      [](const Corpus& corpus) {
        std::vector<std::tuple<std::optional<PersonId>, std::optional<OrganisationId>, std::vector<ActionItem>>> out;
        for (const auto& [owner, items] : open_action_items_by_owner(corpus)) {
          std::vector<ActionItem> copies;
          for (const ActionItem* item : items) copies.push_back(*item);
          out.emplace_back(owner.person, owner.organisation, std::move(copies));
        }
        return out;
      },
      py::arg("corpus"), py::call_guard<py::gil_scoped_release>(),
      "Open and in-progress action items grouped by exact owner, as (person id or None,\n"
      "organisation id or None, [ActionItem]) tuples; each group by due date.\n\nArgs:\n    corpus: the Corpus.");
  m.def(
      "indicator_ranking",
      [](const Corpus& corpus, const IndicatorId& indicator, const Period& period) {
        std::vector<std::tuple<std::size_t, OrganisationId, double>> out;
        for (const auto& row : indicator_ranking(corpus, indicator, period))
          out.emplace_back(row.rank, row.organisation, row.value);
        return out;
      },
      py::arg("corpus"), py::arg("indicator"), py::arg("period") = Period{}, py::call_guard<py::gil_scoped_release>(),
      "Organisations ranked by their latest observed value in the period, best first, as\n"
      "(rank, organisation id, value) tuples; equal values share a rank. Raises NotFoundError\n"
      "for an unknown indicator.\n\nArgs:\n    corpus: the Corpus.\n    indicator: the indicator's id.\n"
      "    period: the Period observations must lie in; the default has no bounds.");
}

}  // namespace samverkan_py
