// Action plans ("handlingsplaner"): goals, activities, and the money linked to
// them. The links are first-class so that their absence can be reported.
#pragma once

#include <samverkan/core/date.hpp>
#include <samverkan/core/ids.hpp>
#include <samverkan/core/money.hpp>
#include <samverkan/core/record.hpp>
#include <samverkan/model/visit.hpp>

#include <optional>
#include <string>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

enum class ResponsibleLevel { county_wide, sub_regional, local };
enum class BudgetKind { committed, indicative };

template <>
struct enum_traits<ResponsibleLevel> {
  static constexpr std::string_view type_name = "ResponsibleLevel";
  static constexpr std::array<enum_entry<ResponsibleLevel>, 3> entries{{
      {ResponsibleLevel::county_wide, "county_wide", "länsgemensam", "länsövergripande|regional|länsnivå|county"},
      {ResponsibleLevel::sub_regional, "sub_regional", "delregional", "delregionalt|delregionen"},
      {ResponsibleLevel::local, "local", "lokal", "lokalt|kommunal|kommunnivå"},
  }};
};

template <>
struct enum_traits<BudgetKind> {
  static constexpr std::string_view type_name = "BudgetKind";
  static constexpr std::array<enum_entry<BudgetKind>, 2> entries{{
      {BudgetKind::committed, "committed", "beslutad", "beviljad|fastställd|avsatt"},
      {BudgetKind::indicative, "indicative", "preliminär", "indikativ|planerad|beräknad"},
  }};
};

/// One extension of a plan's period ("förlängs till 2022"), with the decision.
struct PlanExtension {
  /// The plan's new end.
  Date new_end{};
  std::optional<Date> decided_on;
  std::optional<EntityRef> decided_by;
  /// The deciding reference as written.
  std::string reference;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const PlanExtension&, const PlanExtension&) = default;
};

/// A numbered goal ("mål", "delmål" when it has a parent).
struct Goal {
  GoalId id;
  /// As written: "1", "2.3".
  std::string number;
  std::string title;
  std::string description;
  std::optional<GoalId> parent;
  std::vector<IndicatorId> indicators;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const Goal&, const Goal&) = default;
};

/// An activity ("aktivitet", "insats") serving one or more goals.
struct Activity {
  ActivityId id;
  std::string number;
  std::string title;
  std::string description;
  std::vector<GoalId> goals;
  ResponsibleLevel level = ResponsibleLevel::county_wide;
  std::vector<OrganisationId> responsible;
  Period period;
  Extensions extensions;
  std::optional<Provenance> provenance;
  friend bool operator==(const Activity&, const Activity&) = default;
};

/// Money linked to an activity or a goal, from a pot.
struct FundingLine {
  FundingLineId id;
  Money amount;
  std::optional<ActivityId> activity;
  std::optional<GoalId> goal;
  std::optional<FundingPotId> pot;
  std::optional<int> year;
  BudgetKind budget = BudgetKind::committed;
  std::string text;
  Extensions extensions;
  std::optional<Provenance> provenance;
  bool is_linked() const noexcept { return activity || goal; }
  friend bool operator==(const FundingLine&, const FundingLine&) = default;
};

/// An action plan. A sub-regional implementation plan names its county-wide
/// plan as `parent`.
struct ActionPlan {
  using id_type = ActionPlanId;

  ActionPlanId id;
  std::string title;
  Period period;
  std::vector<PlanExtension> period_extensions;
  std::vector<OrganisationId> owners;
  ResponsibleLevel level = ResponsibleLevel::county_wide;
  std::optional<ActionPlanId> parent;
  std::optional<AgreementId> agreement;
  std::vector<Goal> goals;
  std::vector<Activity> activities;
  std::vector<FundingLine> funding;
  Extensions extensions;
  std::optional<Provenance> provenance;

  /// The period after every extension: 2018–2020 extended to 2022, then 2024,
  /// is 2018–2024.
  Period effective_period() const {
    Period p = period;
    for (const auto& e : period_extensions) p.end = e.new_end;
    return p;
  }
  friend bool operator==(const ActionPlan&, const ActionPlan&) = default;
};

template <detail::record_of<ActionPlan> R, class V>
void visit_references(R& plan, V&& visit) {
  using detail::field_path;
  for (std::size_t i = 0; i < plan.period_extensions.size(); ++i)
    detail::visit_optional(plan.period_extensions[i].decided_by, visit,
                           [i] { return field_path("period_extensions", i, ".decided_by"); });
  detail::visit_each(plan.owners, visit, "owners");
  detail::visit_optional(plan.parent, visit, [] { return std::string("parent"); });
  detail::visit_optional(plan.agreement, visit, [] { return std::string("agreement"); });
  for (std::size_t i = 0; i < plan.goals.size(); ++i) {
    auto& g = plan.goals[i];
    detail::visit_optional(g.parent, visit, [i] { return field_path("goals", i, ".parent"); });
    for (std::size_t k = 0; k < g.indicators.size(); ++k)
      visit(g.indicators[k], [i, k] { return field_path("goals", i, field_path(".indicators", k, "")); });
  }
  for (std::size_t i = 0; i < plan.activities.size(); ++i) {
    auto& a = plan.activities[i];
    for (std::size_t k = 0; k < a.goals.size(); ++k)
      visit(a.goals[k], [i, k] { return field_path("activities", i, field_path(".goals", k, "")); });
    for (std::size_t k = 0; k < a.responsible.size(); ++k)
      visit(a.responsible[k], [i, k] { return field_path("activities", i, field_path(".responsible", k, "")); });
  }
  for (std::size_t i = 0; i < plan.funding.size(); ++i) {
    auto& f = plan.funding[i];
    detail::visit_optional(f.activity, visit, [i] { return field_path("funding", i, ".activity"); });
    detail::visit_optional(f.goal, visit, [i] { return field_path("funding", i, ".goal"); });
    detail::visit_optional(f.pot, visit, [i] { return field_path("funding", i, ".pot"); });
  }
}

/// Visits the ids a plan defines for its goals, activities and funding lines.
template <detail::record_of<ActionPlan> R, class V>
void visit_definitions(R& plan, V&& visit) {
  using detail::field_path;
  for (std::size_t i = 0; i < plan.goals.size(); ++i)
    visit(plan.goals[i].id, [i] { return field_path("goals", i, ".id"); });
  for (std::size_t i = 0; i < plan.activities.size(); ++i)
    visit(plan.activities[i].id, [i] { return field_path("activities", i, ".id"); });
  for (std::size_t i = 0; i < plan.funding.size(); ++i)
    visit(plan.funding[i].id, [i] { return field_path("funding", i, ".id"); });
}

SAMVERKAN_END_NAMESPACE
