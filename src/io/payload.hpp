// Private: the payload writers and readers of each archive format, defined
// and instantiated in archive_<format>.cpp for every SAMVERKAN_ARCHIVE_ROOTS
// type. Readers throw corrupt_file_error or schema_version_error without a
// path; archive.cpp adds it.
#pragma once

#include <samverkan/io/archive.hpp>

#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE

namespace detail {

// Every type an archive can have at its root: Corpus and each top-level record.
#define SAMVERKAN_ARCHIVE_ROOTS(X)                                                                          \
  X(Corpus) X(Organisation) X(Person) X(Membership) X(Meeting) X(ActionItem) X(Agreement) X(ActionPlan) \
      X(FundingPot) X(Allocation) X(Indicator)

template <class T>
std::string write_binary(const T& value);
template <class T>
std::string write_text(const T& value);
template <class T>
std::string write_xml(const T& value);
template <class T>
void read_binary(std::string_view payload, unsigned library_version, T& value);
template <class T>
void read_text(std::string_view payload, unsigned library_version, T& value);
template <class T>
void read_xml(std::string_view payload, unsigned library_version, T& value);

}  // namespace detail

SAMVERKAN_END_NAMESPACE
