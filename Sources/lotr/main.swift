print("lotr")
