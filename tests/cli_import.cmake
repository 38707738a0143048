# CTest script: `samverkan import` into a corpus file, twice, and through
# --json. Run as
#   cmake -DSAMVERKAN=<program> -DMINUTES=<folder> -DWORK=<dir> -P cli_import.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

function(run expect_status)
  execute_process(COMMAND "${SAMVERKAN}" ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL expect_status)
    message(FATAL_ERROR "samverkan ${ARGN}: exit ${status}, expected ${expect_status}: ${out}${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

# A folder into a new corpus file: six meetings, the README left out.
run(0 import "${MINUTES}" --out "${WORK}/minutes.svk" --quiet)
if(NOT err MATCHES "imported 6 documents: 6 meetings")
  message(FATAL_ERROR "unexpected summary: ${err}")
endif()
run(0 info "${WORK}/minutes.svk")
if(NOT out MATCHES "meetings +6" OR NOT out MATCHES "action items +7")
  message(FATAL_ERROR "info after import: ${out}")
endif()
run(0 validate "${WORK}/minutes.svk")

# Again into the same file: nothing is added twice.
run(0 import "${MINUTES}" --out "${WORK}/minutes.svk")
if(NOT err MATCHES "already in the corpus")
  message(FATAL_ERROR "a second import should say the meetings are known: ${err}")
endif()
run(0 info "${WORK}/minutes.svk")
if(NOT out MATCHES "meetings +6")
  message(FATAL_ERROR "a second import added meetings: ${out}")
endif()

# JSON of one document, readable back as a corpus.
run(0 import "${MINUTES}/04_protokoll_hsu_2023-04-25.txt" --json)
file(WRITE "${WORK}/one.json" "${out}")
if(NOT out MATCHES "\"record_kind\": \"protocol\"" OR NOT out MATCHES "\"number\": \"§13\"")
  message(FATAL_ERROR "--json output lacks the protocol's facts")
endif()
run(0 info "${WORK}/one.json")

# Errors: a missing document (nothing written), no destination, a bad option.
run(2 import "${WORK}/no-such-file.txt" --out "${WORK}/other.svk")
if(EXISTS "${WORK}/other.svk")
  message(FATAL_ERROR "a failed import wrote its corpus file")
endif()
run(2 import "${MINUTES}")
run(2 import "${MINUTES}" --json --year twenty)
