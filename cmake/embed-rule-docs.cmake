# Writes OUTPUT, a C file that holds every rule's page, docs/rules/<ID>.md, for
# 'mysizer explain'. Run as: cmake -DSOURCE_DIR=... -DOUTPUT=... -P this.
file(STRINGS "${SOURCE_DIR}/rules/rules.def" lines REGEX "^MZ_RULE\\(")
set(arrays "")
set(table "")
foreach(line IN LISTS lines)
  string(REGEX MATCH "MZ[0-9]+" id "${line}")
  set(page "${SOURCE_DIR}/docs/rules/${id}.md")
  if(NOT EXISTS "${page}")
    continue() # the rules-complete check says what is missing
  endif()
  # As bytes, so that no character of the page needs escaping.
  file(READ "${page}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND arrays "static const unsigned char page_${id}[] = { ${bytes} 0x00 };\n")
  string(APPEND table "\t{ \"${id}\", (const char *)page_${id} },\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "/* Generated from docs/rules/ by cmake/embed-rule-docs.cmake: do not edit. */\n"
  "#include <stddef.h>\n#include <string.h>\n\n#include \"mysizer/rule.h\"\n\n"
  "${arrays}\n"
  "static const struct {\n\tconst char *id;\n\tconst char *page;\n} pages[] = {\n${table}};\n\n"
  "const char *mz_rule_page(const struct mz_rule *rule)\n{\n"
  "\tfor (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)\n"
  "\t\tif (strcmp(pages[i].id, rule->id) == 0)\n\t\t\treturn pages[i].page;\n"
  "\treturn NULL;\n}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
