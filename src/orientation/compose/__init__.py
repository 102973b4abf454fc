"""Plan -> Scene: signs, proof sheet, schedule and responder maps, in page millimetres."""
