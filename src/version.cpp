#include <samverkan/version.hpp>

#define SAMVERKAN_STR2(x) #x
#define SAMVERKAN_STR(x) SAMVERKAN_STR2(x)

SAMVERKAN_BEGIN_NAMESPACE

const char* version() noexcept {
  return SAMVERKAN_STR(SAMVERKAN_VERSION_MAJOR) "." SAMVERKAN_STR(SAMVERKAN_VERSION_MINOR) "." SAMVERKAN_STR(
      SAMVERKAN_VERSION_PATCH);
}

int version_number() noexcept { return SAMVERKAN_VERSION; }

SAMVERKAN_END_NAMESPACE
