// The text archive instantiations, in a translation unit of their own so the
// three formats compile in parallel.

#include "serialize.hpp"

SAMVERKAN_BEGIN_NAMESPACE

namespace detail {

template <class T>
std::string write_text(const T& value) {
  return save_payload<boost::archive::text_oarchive>(value);
}

template <class T>
void read_text(std::string_view payload, unsigned library_version, T& value) {
  load_payload<boost::archive::text_iarchive>(payload, library_version, value);
}

#define SAMVERKAN_INSTANTIATE(T)                    \
  template std::string write_text<T>(const T&); \
  template void read_text<T>(std::string_view, unsigned, T&);
SAMVERKAN_ARCHIVE_ROOTS(SAMVERKAN_INSTANTIATE)
#undef SAMVERKAN_INSTANTIATE

}  // namespace detail

SAMVERKAN_END_NAMESPACE
