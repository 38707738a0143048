// The one place the version number lives. CMake and the Python build read it
// from here, so the C++ library and the Python package can never disagree.
#pragma once

#define SAMVERKAN_VERSION_MAJOR 0
#define SAMVERKAN_VERSION_MINOR 1
#define SAMVERKAN_VERSION_PATCH 0

/// Version as one integer, major * 10000 + minor * 100 + patch (0.1.0 -> 100).
#define SAMVERKAN_VERSION \
  (SAMVERKAN_VERSION_MAJOR * 10000 + SAMVERKAN_VERSION_MINOR * 100 + SAMVERKAN_VERSION_PATCH)

// Symbols live in an inline namespace named after the major version, so two
// incompatible builds linked into one program fail to link instead of
// misbehaving. Bump it together with SAMVERKAN_VERSION_MAJOR.
#define SAMVERKAN_BEGIN_NAMESPACE \
  namespace samverkan {           \
  inline namespace v0 {
#define SAMVERKAN_END_NAMESPACE \
  }                             \
  }

SAMVERKAN_BEGIN_NAMESPACE

/// The version of the library the caller is running against, e.g. "0.1.0".
/// Compare with SAMVERKAN_VERSION to detect a header/library mismatch.
const char* version() noexcept;

/// The numeric version of the running library (see SAMVERKAN_VERSION).
int version_number() noexcept;

SAMVERKAN_END_NAMESPACE
