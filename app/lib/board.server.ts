import { todayInBerlin } from '../../db/dates'
import { boardFigures as figures } from '../../db/figures'
import { getDb } from './db.server'

export function boardFigures() {
  return figures(getDb(), todayInBerlin())
}
