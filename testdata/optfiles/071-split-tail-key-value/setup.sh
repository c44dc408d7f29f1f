printf "k=%stail=1\n" "$(printf "%4092s" "" | tr " " v)" >> my.cnf
