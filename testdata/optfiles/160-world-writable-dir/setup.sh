chmod 777 d
