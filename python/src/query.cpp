// The reports of samverkan/query.hpp that a notebook wants as values:
// deadlines, attendance per organisation, open action items per owner, the
// gaps of action plans and indicator rankings and series. Results are
// copies, so they outlive changes to the corpus (the C++ views and PlanGaps
// point into it). Each is computed with the GIL released and the corpus
// locked for reading (guards.hpp).
#include "bindings.hpp"

#include <samverkan/query.hpp>

#include <tuple>

namespace samverkan_py {

namespace {

// PlanGaps with copies where the C++ struct has pointers into the plan.
struct PlanGapsCopy {
  ActionPlanId plan;
  std::vector<Goal> goals_without_activity;
  std::vector<Activity> activities_without_goal;
  std::vector<FundingLine> unlinked_funding;
  std::vector<Goal> goals_without_indicator;

  bool empty() const noexcept {
    return goals_without_activity.empty() && activities_without_goal.empty() && unlinked_funding.empty() &&
           goals_without_indicator.empty();
  }
  friend bool operator==(const PlanGapsCopy&, const PlanGapsCopy&) = default;
};

template <class T>
std::vector<T> copies(const std::vector<const T*>& pointers) {
  std::vector<T> out;
  out.reserve(pointers.size());
  for (const T* p : pointers) out.push_back(*p);
  return out;
}

PlanGapsCopy copy_of(const PlanGaps& gaps) {
  return {gaps.plan ? gaps.plan->id : ActionPlanId{}, copies(gaps.goals_without_activity),
          copies(gaps.activities_without_goal), copies(gaps.unlinked_funding), copies(gaps.goals_without_indicator)};
}

}  // namespace

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
      "deadlines",
      [](const Corpus& corpus, Period period) { return reading_released(corpus, [&] { return deadlines(corpus, period); }); },
      py::arg("corpus"), py::arg("period") = Period{},
      "Every dated commitment (action items due, reporting, payments, requisitions, ends of plans and\n"
      "agreements, next meetings) whose date lies in the period, by date.\n\n"
      "Args:\n    corpus: the Corpus.\n    period: the Period; the default has no bounds.");
  m.def(
      "attendance_per_organisation",
      [](const Corpus& corpus, Period period) {
        return reading_released(corpus, [&] { return attendance_per_organisation(corpus, period); });
      },
      py::arg("corpus"), py::arg("period") = Period{},
      "Attendance entries per organisation id (whom the person represented, else their organisation)\n"
      "at meetings in the period.\n\nArgs:\n    corpus: the Corpus.\n    period: the Period; the default has no bounds.");
  m.def(
      "open_action_items_by_owner",
      [](const Corpus& corpus) {
        return reading_released(corpus, [&] {
          std::vector<std::tuple<std::optional<PersonId>, std::optional<OrganisationId>, std::vector<ActionItem>>> out;
          for (const auto& [owner, items] : open_action_items_by_owner(corpus)) {
            std::vector<ActionItem> copies;
            for (const ActionItem* item : items) copies.push_back(*item);
            out.emplace_back(owner.person, owner.organisation, std::move(copies));
          }
          return out;
        });
      },
      py::arg("corpus"),
      "Open and in-progress action items grouped by exact owner, as (person id or None,\n"
      "organisation id or None, [ActionItem]) tuples; each group by due date.\n\nArgs:\n    corpus: the Corpus.");
  m.def(
      "indicator_ranking",
      [](const Corpus& corpus, const IndicatorId& indicator, Period period) {
        return reading_released(corpus, [&] {
          std::vector<std::tuple<std::size_t, OrganisationId, double>> out;
          for (const auto& row : indicator_ranking(corpus, indicator, period))
            out.emplace_back(row.rank, row.organisation, row.value);
          return out;
        });
      },
      py::arg("corpus"), py::arg("indicator"), py::arg("period") = Period{},
      "Organisations ranked by their latest observed value in the period, best first, as\n"
      "(rank, organisation id, value) tuples; equal values share a rank. Raises NotFoundError\n"
      "for an unknown indicator.\n\nArgs:\n    corpus: the Corpus.\n    indicator: the indicator's id.\n"
      "    period: the Period observations must lie in; the default has no bounds.");

  py::class_<PlanGapsCopy> gaps_cls(m, "PlanGaps",
                                    "The links an action plan lacks, as copies of the goals, activities and funding lines.");
  bind_fields(gaps_cls, "PlanGaps", {"plan"}, field{"plan", &PlanGapsCopy::plan, "the plan's id"},
              field{"goals_without_activity", &PlanGapsCopy::goals_without_activity,
                    "goals no activity serves (a goal counts as served when a sub-goal is)"},
              field{"activities_without_goal", &PlanGapsCopy::activities_without_goal, "activities that name no goal"},
              field{"unlinked_funding", &PlanGapsCopy::unlinked_funding,
                    "funding lines tied to neither an activity nor a goal"},
              field{"goals_without_indicator", &PlanGapsCopy::goals_without_indicator,
                    "goals with no indicator, on themselves or a sub-goal"});
  gaps_cls.def("empty", &PlanGapsCopy::empty, "True when no gap of any of the four kinds was found.");

  m.def(
      "plan_gaps",
      [](const Corpus& corpus) {
        return reading_released(corpus, [&] {
          std::vector<PlanGapsCopy> out;
          for (const auto& gaps : plan_gaps(corpus)) out.push_back(copy_of(gaps));
          return out;
        });
      },
      py::arg("corpus"),
      "The gaps of every plan in the corpus, one PlanGaps per plan in id order (empty ones included;\n"
      "drop them with PlanGaps.empty()). A goal also counts as served by activities of other plans.\n\n"
      "Args:\n    corpus: the Corpus.");
  m.def(
      "plan_gaps", [](const ActionPlan& plan) { return copy_of(plan_gaps(plan)); }, py::arg("plan"),
      "The gaps of one plan, judged by the plan alone: a goal is served only by its own activities.\n\n"
      "Args:\n    plan: the ActionPlan.");
  m.def(
      "indicator_series",
      [](const Corpus& corpus, const IndicatorId& indicator, const std::optional<OrganisationId>& organisation) {
        return reading_released(corpus, [&] {
          std::vector<Observation> out;
          for (const Observation* o : indicator_series(corpus, indicator, organisation)) out.push_back(*o);
          return out;
        });
      },
      py::arg("corpus"), py::arg("indicator"), py::arg("organisation") = py::none(),
      "One organisation's observations of the indicator over time (by period start, then end), as\n"
      "copies; organisation None gives the national reference series. Raises NotFoundError for an\n"
      "unknown indicator.\n\nArgs:\n    corpus: the Corpus.\n    indicator: the indicator's id.\n"
      "    organisation: the organisation's id, or None for the national series.");
}

}  // namespace samverkan_py
