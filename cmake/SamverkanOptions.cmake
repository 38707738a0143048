include(GNUInstallDirs)

# Warnings as errors apply to our own targets only: a consumer compiling our
# headers with another compiler must not be broken by a new warning.
function(samverkan_strict target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
      -Wconversion -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast
      # Records are built with designated initializers; every member has a
      # default, so a member left out is intended.
      -Wno-missing-field-initializers)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      # g++ 12 reports impossible overlaps in inlined std::string code at -O2
      # (GCC bug 105329); the warning is noise there.
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(SAMVERKAN_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(SAMVERKAN_SANITIZE)
      # The sanitizers' instrumentation makes g++ 12 see uninitialised reads
      # in std::function and <regex> that are not there.
      target_compile_options(${target} PRIVATE -fsanitize=${SAMVERKAN_SANITIZE}
        -fno-omit-frame-pointer -fno-sanitize-recover=all
        $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
      target_link_options(${target} PRIVATE -fsanitize=${SAMVERKAN_SANITIZE})
    endif()
  endif()
endfunction()
