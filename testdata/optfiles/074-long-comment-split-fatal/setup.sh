printf "#%stail=1\n[mysqld]\na=1\n" "$(printf "%4093s" "" | tr " " c)" >> my.cnf
