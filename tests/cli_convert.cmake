# CTest script: a corpus converted through every format comes back as the
# same JSON, byte for byte. Run as
#   cmake -DSAMVERKAN=<program> -DINPUT=<file> -DWORK=<dir> -P cli_convert.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

function(convert from to)
  execute_process(COMMAND "${SAMVERKAN}" convert ${from} ${to} ${ARGN}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "samverkan convert ${from} ${to} ${ARGN} failed (${status}): ${out}${err}")
  endif()
endfunction()

# The first conversion writes the current JSON version; from there on every
# step must be lossless.
convert("${INPUT}" "${WORK}/start.json")
convert("${WORK}/start.json" "${WORK}/a.svk")
convert("${WORK}/a.svk" "${WORK}/b.svkt")
convert("${WORK}/b.svkt" "${WORK}/c.svkx")
convert("${WORK}/c.svkx" "${WORK}/d.xml")
convert("${WORK}/d.xml" "${WORK}/e.data" --format binary)
convert("${WORK}/e.data" "${WORK}/f.data" --format=text)
convert("${WORK}/f.data" "${WORK}/end.json")
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/start.json" "${WORK}/end.json"
                RESULT_VARIABLE different)
if(different)
  message(FATAL_ERROR "the corpus changed on its way through the formats: ${WORK}/start.json vs ${WORK}/end.json")
endif()
foreach(file a.svk b.svkt c.svkx end.json)
  execute_process(COMMAND "${SAMVERKAN}" info "${WORK}/${file}" RESULT_VARIABLE status OUTPUT_VARIABLE out)
  if(NOT status EQUAL 0 OR NOT out MATCHES "Format: ")
    message(FATAL_ERROR "samverkan info ${file} failed: ${out}")
  endif()
endforeach()
message(STATUS "round trip through every format is exact")
