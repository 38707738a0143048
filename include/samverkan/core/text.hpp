// Small text helpers shared by name resolution and vocabulary parsing.
#pragma once

#include <samverkan/version.hpp>

#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE

/// Folds text for comparison: trims, collapses runs of white space (including
/// no-break spaces) to one space and lower-cases ASCII and the Latin-1 letters
/// Swedish uses (Å, Ä, Ö, É, Ü ...). Other UTF-8 passes through unchanged.
///
///   fold("  Västra   GÖTALANDSregionen ") == "västra götalandsregionen"
std::string fold(std::string_view text);

/// Removes leading and trailing ASCII white space.
std::string_view trim(std::string_view text) noexcept;

/// A lower-case ASCII slug for readable ids: "Västra Götalandsregionen" ->
/// "vastra-gotalandsregionen". Returns an empty string when nothing is left.
std::string slug(std::string_view text);

SAMVERKAN_END_NAMESPACE
