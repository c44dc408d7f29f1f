# The include needs this folder's absolute path, known only after the case is copied.
printf '!include %s/part.cnf\n' "$(pwd)" >> my.cnf
