printf "#%stail=1\nnext=1\n" "$(printf "%4093s" "" | tr " " c)" >> my.cnf
