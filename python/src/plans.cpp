// Action plans: period extensions, goals, activities and funding lines.
#include "bindings.hpp"

namespace samverkan_py {

void bind_plans(py::module_& m) {
  bind_vocabulary<ResponsibleLevel>(m, "ResponsibleLevel", "County-wide, sub-regional or local.");
  bind_vocabulary<BudgetKind>(m, "BudgetKind", "Committed or indicative money.");

  py::class_<PlanExtension> extension(m, "PlanExtension", "One extension of a plan's period, and its decision.");
  bind_fields(extension, "PlanExtension", {"new_end", "reference"},
              field{"new_end", &PlanExtension::new_end, "the plan's new end (required)"},
              field{"decided_on", &PlanExtension::decided_on, "when it was decided, or None"},
              field{"decided_by", &PlanExtension::decided_by, "EntityRef of the deciding decision or meeting"},
              field{"reference", &PlanExtension::reference, "the deciding reference as written"},
              field{"extensions", &PlanExtension::extensions, "data samverkan does not model"},
              field{"provenance", &PlanExtension::provenance, "where it was read, or None"});

  py::class_<Goal> goal(m, "Goal", "A numbered goal (\"mål\", \"delmål\" when it has a parent).");
  bind_fields(goal, "Goal", {"id", "number", "title"}, field{"id", &Goal::id, "the id; empty to let the corpus make one"},
              field{"number", &Goal::number, "the number as written"}, field{"title", &Goal::title, "the title"},
              field{"description", &Goal::description, "the description"},
              field{"parent", &Goal::parent, "id of the parent goal"},
              field{"indicators", &Goal::indicators, "ids of the indicators following it up"},
              field{"extensions", &Goal::extensions, "data samverkan does not model"},
              field{"provenance", &Goal::provenance, "where it was read, or None"});

  py::class_<Activity> activity(m, "Activity", "An activity (\"aktivitet\", \"insats\") serving goals.");
  bind_fields(activity, "Activity", {"id", "number", "title"},
              field{"id", &Activity::id, "the id; empty to let the corpus make one"},
              field{"number", &Activity::number, "the number as written"},
              field{"title", &Activity::title, "the title"},
              field{"description", &Activity::description, "the description"},
              field{"goals", &Activity::goals, "ids of the goals it serves"},
              field{"level", &Activity::level, "a ResponsibleLevel"},
              field{"responsible", &Activity::responsible, "ids of the responsible organisations"},
              field{"period", &Activity::period, "the Period"},
              field{"extensions", &Activity::extensions, "data samverkan does not model"},
              field{"provenance", &Activity::provenance, "where it was read, or None"});

  py::class_<FundingLine> line(m, "FundingLine", "Money linked to an activity or a goal, from a pot.");
  bind_fields(line, "FundingLine", {"id", "amount", "activity", "goal"},
              field{"id", &FundingLine::id, "the id; empty to let the corpus make one"},
              field{"amount", &FundingLine::amount, "the Money"},
              field{"activity", &FundingLine::activity, "id of the activity"},
              field{"goal", &FundingLine::goal, "id of the goal"},
              field{"pot", &FundingLine::pot, "id of the funding pot"},
              field{"year", &FundingLine::year, "the year, or None"},
              field{"budget", &FundingLine::budget, "a BudgetKind"},
              field{"text", &FundingLine::text, "the line as written"},
              field{"extensions", &FundingLine::extensions, "data samverkan does not model"},
              field{"provenance", &FundingLine::provenance, "where it was read, or None"});
  line.def("is_linked", &FundingLine::is_linked, "Whether it is tied to an activity or a goal.");

  py::class_<ActionPlan> plan(m, "ActionPlan", "An action plan (\"handlingsplan\").");
  bind_fields(plan, "ActionPlan", {"id", "title", "period"},
              field{"id", &ActionPlan::id, "the id; empty to let Corpus.add make one"},
              field{"title", &ActionPlan::title, "the title"}, field{"period", &ActionPlan::period, "the Period"},
              field{"period_extensions", &ActionPlan::period_extensions, "list of PlanExtension"},
              field{"owners", &ActionPlan::owners, "ids of the owning organisations"},
              field{"level", &ActionPlan::level, "a ResponsibleLevel"},
              field{"parent", &ActionPlan::parent, "id of the county-wide plan this one implements"},
              field{"agreement", &ActionPlan::agreement, "id of the agreement it answers"},
              field{"goals", &ActionPlan::goals, "list of Goal"},
              field{"activities", &ActionPlan::activities, "list of Activity"},
              field{"funding", &ActionPlan::funding, "list of FundingLine"},
              field{"extensions", &ActionPlan::extensions, "data samverkan does not model"},
              field{"provenance", &ActionPlan::provenance, "where it was read, or None"});
  plan.def("effective_period", &ActionPlan::effective_period, "The period after every extension.");
}

}  // namespace samverkan_py
