i=0; v=""
while [ $i -lt 600 ]; do v="${v}a\\tb\\\\"; i=$((i+1)); done
printf "%s\n" "long=\"$v\"" >> my.cnf
printf "after=1\n" >> my.cnf
