print("sasaeai")
