printf "%s=1\n" "$(printf "%4000s" "" | tr " " k)" >> my.cnf
