// The binary archive instantiations, in a translation unit of their own so the
// three formats compile in parallel.

#include "serialize.hpp"

SAMVERKAN_BEGIN_NAMESPACE

namespace detail {

template <class T>
std::string write_binary(const T& value) {
  return save_payload<boost::archive::binary_oarchive>(value);
}

template <class T>
void read_binary(std::string_view payload, unsigned library_version, T& value) {
  load_payload<boost::archive::binary_iarchive>(payload, library_version, value);
}

#define SAMVERKAN_INSTANTIATE(T)                    \
  template std::string write_binary<T>(const T&); \
  template void read_binary<T>(std::string_view, unsigned, T&);
SAMVERKAN_ARCHIVE_ROOTS(SAMVERKAN_INSTANTIATE)
#undef SAMVERKAN_INSTANTIATE

}  // namespace detail

SAMVERKAN_END_NAMESPACE
