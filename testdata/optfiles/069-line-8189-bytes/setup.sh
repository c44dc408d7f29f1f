printf "k=%s\nnext=1\n" "$(printf "%8187s" "" | tr " " v)" >> my.cnf
