import LotrFlow
