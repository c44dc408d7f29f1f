printf '[mysqld]\nf=e-acute\n' > "d/$(printf '\303\251').cnf"
