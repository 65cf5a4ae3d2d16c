import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchSeat, fetchSeats, researchKeys, seatKeys, submitTurn, uploadQuestions } from "../api/debates";
import { useLiveTurns } from "./useLiveTurns";

export function useSeats() {
  return useQuery({ queryKey: seatKeys.list(), queryFn: fetchSeats });
}

/** A debater's seat, refetched when a speech is stored; live text keyed "round:slot". */
export function useSeat(id: number) {
  const queryClient = useQueryClient();
  const seat = useQuery({ queryKey: seatKeys.seat(id), queryFn: () => fetchSeat(id) });
  const live = useLiveTurns(seat.data?.debate.id, () => {
    void queryClient.invalidateQueries({ queryKey: seatKeys.seat(id) });
  });
  return { seat, live };
}

export function useSubmitTurn(seatId: number, debateId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => submitTurn(debateId, text),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: seatKeys.seat(seatId) });
      void queryClient.invalidateQueries({ queryKey: seatKeys.list() });
    },
  });
}

export function useUploadQuestions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadQuestions,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: researchKeys.questions() }),
  });
}
