// Indicators ("systemmått") with their targets and observations per
// organisation and period.
#pragma once

#include <samverkan/core/date.hpp>
#include <samverkan/core/ids.hpp>
#include <samverkan/core/record.hpp>
#include <samverkan/model/visit.hpp>

#include <optional>
#include <string>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

enum class Direction { higher_is_better, lower_is_better, neutral };
enum class TargetKind { national, chosen };

template <>
struct enum_traits<Direction> {
  static constexpr std::string_view type_name = "Direction";
  static constexpr std::array<enum_entry<Direction>, 3> entries{{
      {Direction::higher_is_better, "higher_is_better", "högre är bättre", "högre|higher|stigande"},
      {Direction::lower_is_better, "lower_is_better", "lägre är bättre", "lägre|lower|sjunkande"},
      {Direction::neutral, "neutral", "neutral", "ingen riktning"},
  }};
};

template <>
struct enum_traits<TargetKind> {
  static constexpr std::string_view type_name = "TargetKind";
  static constexpr std::array<enum_entry<TargetKind>, 2> entries{{
      {TargetKind::national, "national", "nationell", "nationell målnivå|riket"},
      {TargetKind::chosen, "chosen", "egen", "vald|regional|lokal|egen målnivå"},
  }};
};

/// A target level ("målnivå"), national or chosen, for a period.
struct Target {
  double value = 0;
  TargetKind kind = TargetKind::national;
  Period period;
  std::string note;
  friend bool operator==(const Target&, const Target&) = default;
};

/// A measured value for an organisation and period. An observation without
/// an organisation is the national reference ("riket").
struct Observation {
  std::optional<OrganisationId> organisation;
  Period period;
  double value = 0;
  std::string note;
  Extensions extensions;
  std::optional<Provenance> provenance;
  bool is_national() const noexcept { return !organisation; }
  friend bool operator==(const Observation&, const Observation&) = default;
};

/// An indicator: what is measured, in which unit, which way is better.
struct Indicator {
  using id_type = IndicatorId;

  IndicatorId id;
  std::string name;
  std::string area;
  /// The patient promise or goal area it serves ("Vården ska vara tillgänglig").
  std::string serves;
  std::string unit;
  Direction direction = Direction::higher_is_better;
  std::string definition;
  std::vector<Target> targets;
  std::vector<Observation> observations;
  Extensions extensions;
  std::optional<Provenance> provenance;

  /// True when `a` is better than `b` in this indicator's direction.
  bool better(double a, double b) const noexcept {
    return direction == Direction::higher_is_better ? a > b : direction == Direction::lower_is_better ? a < b : false;
  }
  friend bool operator==(const Indicator&, const Indicator&) = default;
};

template <detail::record_of<Indicator> R, class V>
void visit_references(R& ind, V&& visit) {
  for (std::size_t i = 0; i < ind.observations.size(); ++i)
    detail::visit_optional(ind.observations[i].organisation, visit,
                           [i] { return detail::field_path("observations", i, ".organisation"); });
}

SAMVERKAN_END_NAMESPACE
