include(CMakePackageConfigHelpers)

set(SAMVERKAN_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/samverkan" CACHE STRING
  "Where the CMake package files are installed, relative to the prefix")

install(TARGETS samverkan EXPORT samverkan-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(SAMVERKAN_HAVE_PDF)
  # GPL through Poppler: see README.md, "Licence".
  install(TARGETS samverkan_pdf EXPORT samverkan-targets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  set_target_properties(samverkan_pdf PROPERTIES EXPORT_NAME pdf)
endif()
install(DIRECTORY include/samverkan DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/samverkan)
if(SAMVERKAN_CLI)
  install(TARGETS samverkan_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(EXPORT samverkan-targets NAMESPACE samverkan:: DESTINATION ${SAMVERKAN_CMAKE_DIR})
configure_package_config_file(cmake/samverkan-config.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/samverkan-config.cmake"
  INSTALL_DESTINATION ${SAMVERKAN_CMAKE_DIR})
# Before 1.0 a minor release may break the API, so only the same major.minor
# is compatible; from 1.0 on, SameMajorVersion.
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/samverkan-config-version.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES
  "${CMAKE_CURRENT_BINARY_DIR}/samverkan-config.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/samverkan-config-version.cmake"
  DESTINATION ${SAMVERKAN_CMAKE_DIR})

# The .pc file finds the prefix from its own place, so the installed tree can
# be moved (or installed with --prefix at install time) and still be found.
file(RELATIVE_PATH SAMVERKAN_PC_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
# A static libsamverkan.a needs its own dependencies on every link line.
if(BUILD_SHARED_LIBS)
  set(SAMVERKAN_PC_LIBS "")
  set(SAMVERKAN_PC_LIBS_PRIVATE "-lboost_serialization -lzip -lpugixml")
else()
  set(SAMVERKAN_PC_LIBS "-lboost_serialization -lzip -lpugixml")
  set(SAMVERKAN_PC_LIBS_PRIVATE "")
endif()
configure_file(cmake/samverkan.pc.in "${CMAKE_CURRENT_BINARY_DIR}/samverkan.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/samverkan.pc"
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
