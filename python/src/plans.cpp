// Action plans: period extensions, goals, activities and funding lines.
#include "described.hpp"

namespace samverkan_py {

void bind_plans(py::module_& m) {
  bind_vocabulary<ResponsibleLevel>(m, "ResponsibleLevel", "County-wide, sub-regional or local.");
  bind_vocabulary<BudgetKind>(m, "BudgetKind", "Committed or indicative money.");

  py::class_<PlanExtension> extension(m, "PlanExtension", "One extension of a plan's period, and its decision.");
  bind_described(extension, {"new_end", "reference"});

  py::class_<Goal> goal(m, "Goal", "A numbered goal (\"mål\", \"delmål\" when it has a parent).");
  bind_described(goal, {"id", "number", "title"});

  py::class_<Activity> activity(m, "Activity", "An activity (\"aktivitet\", \"insats\") serving goals.");
  bind_described(activity, {"id", "number", "title"});

  py::class_<FundingLine> line(m, "FundingLine", "Money linked to an activity or a goal, from a pot.");
  bind_described(line, {"id", "amount", "activity", "goal"});
  line.def("is_linked", &FundingLine::is_linked, "Whether it is tied to an activity or a goal.");

  py::class_<ActionPlan> plan(m, "ActionPlan", "An action plan (\"handlingsplan\").");
  bind_described(plan, {"id", "title", "period"});
  plan.def("effective_period", &ActionPlan::effective_period, "The period after every extension.");
}

}  // namespace samverkan_py
