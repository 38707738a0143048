// The xml archive instantiations, in a translation unit of their own so the
// three formats compile in parallel.

#include "serialize.hpp"

SAMVERKAN_BEGIN_NAMESPACE

namespace detail {

template <class T>
std::string write_xml(const T& value) {
  return save_payload<boost::archive::xml_oarchive>(value);
}

template <class T>
void read_xml(std::string_view payload, unsigned library_version, T& value) {
  load_payload<boost::archive::xml_iarchive>(payload, library_version, value);
}

#define SAMVERKAN_INSTANTIATE(T)                    \
  template std::string write_xml<T>(const T&); \
  template void read_xml<T>(std::string_view, unsigned, T&);
SAMVERKAN_ARCHIVE_ROOTS(SAMVERKAN_INSTANTIATE)
#undef SAMVERKAN_INSTANTIATE

}  // namespace detail

SAMVERKAN_END_NAMESPACE
