# CTest script: what this build writes is byte for byte what the checked-in
# files under tests/fixtures/written/ hold, in every format. Those were written
# by the build before the field descriptions (io/fields.hpp) replaced the
# hand-written encoders, so the layout cannot drift unnoticed; a deliberate
# format change regenerates them (GENERATE=ON) in the same commit.
#
#   cmake -DSAMVERKAN=<cli> -DEXPORTER=<samverkan_export_corpora> -DSOURCE=<repo>
#         -DWORK=<dir> [-DGENERATE=ON] -P written_bytes.cmake
set(golden "${SOURCE}/tests/fixtures/written")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/inputs")
execute_process(COMMAND "${EXPORTER}" "${WORK}/inputs" RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "exporting the test corpora failed: ${err}")
endif()

set(inputs
    sample=${SOURCE}/data/sample/corpus.json
    fixtures-sample=${WORK}/inputs/fixtures-sample.json
    random-1=${WORK}/inputs/random-1.json
    v1=${SOURCE}/tests/fixtures/v1/corpus.svkx
    v2=${SOURCE}/tests/fixtures/v2/corpus.svk
    v3=${SOURCE}/tests/fixtures/v3/corpus.svkt)
set(differing "")
foreach(entry ${inputs})
  string(REPLACE "=" ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 input)
  foreach(extension svk svkt svkx json)
    set(out "${WORK}/${name}.${extension}")
    execute_process(COMMAND "${SAMVERKAN}" convert "${input}" "${out}" RESULT_VARIABLE status ERROR_VARIABLE err)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "samverkan convert ${input} ${out} failed: ${err}")
    endif()
    if(GENERATE)
      file(COPY "${out}" DESTINATION "${golden}")
    else()
      execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${out}" "${golden}/${name}.${extension}"
                      RESULT_VARIABLE different)
      if(different)
        list(APPEND differing "${name}.${extension}")
      endif()
    endif()
  endforeach()
endforeach()
if(differing)
  message(FATAL_ERROR "written bytes differ from tests/fixtures/written/ for: ${differing} (in ${WORK})")
endif()
if(GENERATE)
  message(STATUS "wrote ${golden}")
else()
  message(STATUS "every format writes exactly the checked-in bytes")
endif()
